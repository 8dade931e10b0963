namespace CampaignMonitor.Core.Send;

/// <summary>The import switches of a send.</summary>
public sealed record ImportFlags(bool Resubscribe, bool QueueAutoresponders, bool RestartAutoresponders);
