using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Models;

/// <summary>
/// One row of a campaign report. Each report fills the fields it has: every one has EmailAddress and ListID;
/// all but recipients have Date; opens and clicks have location; clicks have URL; bounces BounceType and Reason.
/// </summary>
internal sealed class CampaignActivityItem
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
