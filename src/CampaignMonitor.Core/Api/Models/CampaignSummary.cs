using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Models;

/// <summary>Response of <c>GET campaigns/{campaignid}/summary.json</c>. Older and newer counters both fit.</summary>
internal sealed class CampaignSummary
{
    public string? Name { get; set; }
    public int Recipients { get; set; }
    public int TotalOpened { get; set; }
    public int Clicks { get; set; }
    public int Unsubscribed { get; set; }
    public int Bounced { get; set; }
    public int UniqueOpened { get; set; }
    public int SpamComplaints { get; set; }
    public int? Mentions { get; set; }
    public int? Forwards { get; set; }
    public int? Likes { get; set; }
    public int? ForwardToAFriends { get; set; }
    public int? FacebookLikes { get; set; }
    public int? TwitterTweets { get; set; }
    public string? WebVersionURL { get; set; }
    public string? WebVersionTextURL { get; set; }
    public string? WorldviewURL { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
