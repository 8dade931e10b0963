namespace CampaignMonitor.Core.Api.Models;

/// <summary>One campaign (or journey) in a subscriber's history, with what the subscriber did with it.</summary>
internal sealed class SubscriberHistoryItem
{
    public string ID { get; set; } = "";
    /// <summary>"Campaign", or "Journey" / "Automation" for automated emails.</summary>
    public string Type { get; set; } = "";
    public string? Name { get; set; }
    public List<SubscriberAction> Actions { get; set; } = new();
}
