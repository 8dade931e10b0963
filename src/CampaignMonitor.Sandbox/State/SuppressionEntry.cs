namespace CampaignMonitor.Sandbox.State;

/// <summary>An address on the client's suppression list: when it was put there, and why.</summary>
internal sealed record SuppressionEntry(string EmailAddress, DateTime Date, string Reason);
