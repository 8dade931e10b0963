namespace CampaignMonitor.Core.Send.Mirror;

/// <summary>A member -Mirror could not remove, and why (after the retries).</summary>
internal sealed record RemovalFailure(string EmailAddress, string Reason);
