namespace CampaignMonitor.Core.Api.Models;

/// <summary>One thing a subscriber did with an email: Open, Click (Detail is the URL), Bounce, Unsubscribe, ...</summary>
internal sealed class SubscriberAction
{
    public string Event { get; set; } = "";
    public DateTime? Date { get; set; }
    public string? IPAddress { get; set; }
    public string? Detail { get; set; }
}
