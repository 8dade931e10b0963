namespace CampaignMonitor.Core.Api.Models;

/// <summary>Response of <c>GET lists/{listid}/stats.json</c>. Properties the API adds later are kept in <see cref="AdditionalProperties"/>.</summary>
internal sealed class ListStats
{
    public int TotalActiveSubscribers { get; set; }
    public int NewActiveSubscribersToday { get; set; }
    public int NewActiveSubscribersYesterday { get; set; }
    public int NewActiveSubscribersThisWeek { get; set; }
    public int NewActiveSubscribersThisMonth { get; set; }
    public int NewActiveSubscribersThisYear { get; set; }
    public int TotalUnsubscribes { get; set; }
    public int UnsubscribesToday { get; set; }
    public int UnsubscribesYesterday { get; set; }
    public int UnsubscribesThisWeek { get; set; }
    public int UnsubscribesThisMonth { get; set; }
    public int UnsubscribesThisYear { get; set; }
    public int TotalDeleted { get; set; }
    public int DeletedToday { get; set; }
    public int DeletedYesterday { get; set; }
    public int DeletedThisWeek { get; set; }
    public int DeletedThisMonth { get; set; }
    public int DeletedThisYear { get; set; }
    public int TotalBounces { get; set; }
    public int BouncesToday { get; set; }
    public int BouncesYesterday { get; set; }
    public int BouncesThisWeek { get; set; }
    public int BouncesThisMonth { get; set; }
    public int BouncesThisYear { get; set; }

    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? AdditionalProperties { get; set; }
}
