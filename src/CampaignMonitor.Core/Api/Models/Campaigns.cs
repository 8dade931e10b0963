using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Models;

/// <summary>One sent campaign from <c>GET clients/{clientid}/campaigns.json</c>.</summary>
public sealed class SentCampaign
{
    public string CampaignID { get; set; } = "";
    public string? Name { get; set; }
    public string? Subject { get; set; }
    public string? FromName { get; set; }
    public string? FromEmail { get; set; }
    public string? ReplyTo { get; set; }
    public DateTime? SentDate { get; set; }
    public int TotalRecipients { get; set; }
    public string? WebVersionURL { get; set; }
    public string? WebVersionTextURL { get; set; }
    /// <summary>v3.3 only; empty for older responses.</summary>
    public List<string> Tags { get; set; } = new();
}

/// <summary>Filters of the v3.3 sent-campaigns endpoint.</summary>
public sealed class SentCampaignFilter
{
    public DateTime? SentFrom { get; set; }
    public DateTime? SentTo { get; set; }
    public IReadOnlyList<string>? Tags { get; set; }
}

/// <summary>Response of <c>GET campaigns/{campaignid}/summary.json</c>. Older and newer counters both fit.</summary>
public sealed class CampaignSummary
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

/// <summary>The six campaign report collections.</summary>
public enum CampaignActivityType
{
    Recipients,
    Opens,
    Clicks,
    Bounces,
    Unsubscribes,
    SpamComplaints,
}

/// <summary>
/// One row of a campaign report. Each report fills the fields it has: every one has EmailAddress and ListID;
/// all but recipients have Date; opens and clicks have location; clicks have URL; bounces BounceType and Reason.
/// </summary>
public sealed class CampaignActivityItem
{
    public string EmailAddress { get; set; } = "";
    public string? ListID { get; set; }
    public DateTime? Date { get; set; }
    public string? IPAddress { get; set; }
    public string? URL { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? CountryCode { get; set; }
    public string? CountryName { get; set; }
    public string? BounceType { get; set; }
    public string? Reason { get; set; }
}

public static class CampaignActivityTypes
{
    /// <summary>The path segment of each report (SpamComplaints is <c>spam.json</c>).</summary>
    public static string PathSegment(CampaignActivityType type) => type switch
    {
        CampaignActivityType.Recipients => "recipients",
        CampaignActivityType.Opens => "opens",
        CampaignActivityType.Clicks => "clicks",
        CampaignActivityType.Bounces => "bounces",
        CampaignActivityType.Unsubscribes => "unsubscribes",
        CampaignActivityType.SpamComplaints => "spam",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Recipients is the one report without a <c>date</c> filter.</summary>
    public static bool SupportsDateFilter(CampaignActivityType type) => type != CampaignActivityType.Recipients;
}
