using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Models;

/// <summary>The six campaign report collections.</summary>
internal enum CampaignActivityType
{
    Recipients,
    Opens,
    Clicks,
    Bounces,
    Unsubscribes,
    SpamComplaints,
}
