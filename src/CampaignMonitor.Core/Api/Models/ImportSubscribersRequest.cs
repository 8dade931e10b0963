namespace CampaignMonitor.Core.Api.Models;

/// <summary>Body of <c>POST subscribers/{listid}/import.json</c> (at most 1000 subscribers).</summary>
internal sealed class ImportSubscribersRequest
{
    public const int MaxSubscribers = 1000;

    public IReadOnlyList<SubscriberRecord> Subscribers { get; set; } = Array.Empty<SubscriberRecord>();
    public bool Resubscribe { get; set; }
    public bool QueueSubscriptionBasedAutoResponders { get; set; }
    public bool RestartSubscriptionBasedAutoresponders { get; set; }
}
