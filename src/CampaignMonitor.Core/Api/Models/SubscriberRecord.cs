namespace CampaignMonitor.Core.Api.Models;

/// <summary>A subscriber as written by add and import.</summary>
internal sealed class SubscriberRecord
{
    public string EmailAddress { get; set; } = "";
    public string? Name { get; set; }
    public string? MobileNumber { get; set; }
    public List<SubscriberCustomField>? CustomFields { get; set; }
    /// <summary>Required on every add and import row since API v3.2.</summary>
    public string ConsentToTrack { get; set; } = ConsentValues.Unchanged;
    public string? ConsentToSendSms { get; set; }
}
