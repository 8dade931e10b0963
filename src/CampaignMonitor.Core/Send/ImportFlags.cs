namespace CampaignMonitor.Core.Send;

/// <summary>The import switches of a send.</summary>
internal sealed record ImportFlags(bool Resubscribe, bool QueueAutoresponders, bool RestartAutoresponders);
