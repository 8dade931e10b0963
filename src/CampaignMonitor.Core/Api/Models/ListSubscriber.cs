namespace CampaignMonitor.Core.Api.Models;

/// <summary>A subscriber as read back from the list state endpoints and subscriber details.</summary>
internal sealed class ListSubscriber
{
    public string EmailAddress { get; set; } = "";
    public string? Name { get; set; }
    /// <summary>When the subscriber's state last changed.</summary>
    public DateTime? Date { get; set; }
    /// <summary>When the subscriber first joined the list (v3.3; absent from older responses).</summary>
    public DateTime? ListJoinedDate { get; set; }
    public string? State { get; set; }
    public List<SubscriberCustomField> CustomFields { get; set; } = new();
    public string? ReadsEmailWith { get; set; }
    /// <summary>"Yes", "No", or empty when unknown; only present when asked for.</summary>
    public string? ConsentToTrack { get; set; }
    public string? ConsentToSendSms { get; set; }
    public string? MobileNumber { get; set; }
}
