using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Models;

internal static class CampaignActivityTypes
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
