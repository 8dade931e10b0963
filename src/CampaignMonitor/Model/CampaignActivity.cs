using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Privacy;

namespace CampaignMonitor;

/// <summary>One row of a campaign report (Get-CMCampaignActivity), carrying its campaign and report type.</summary>
public sealed class CampaignActivity
{
    internal CampaignActivity(CampaignActivityItem a, string campaignId, CampaignActivityType type, string credential, PiiMasker masker)
    {
        CampaignId = campaignId;
        Type = type.ToString();
        EmailAddress = masker.Email(a.EmailAddress);
        ListId = a.ListID;
        Date = a.Date;
        URL = a.URL;
        IPAddress = a.IPAddress;
        City = a.City;
        Region = a.Region;
        CountryCode = a.CountryCode;
        CountryName = a.CountryName;
        Latitude = a.Latitude;
        Longitude = a.Longitude;
        BounceType = a.BounceType;
        Reason = a.Reason;
        Credential = credential;
    }

    public string CampaignId { get; }
    /// <summary>Recipients, Opens, Clicks, Bounces, Unsubscribes or SpamComplaints.</summary>
    public string Type { get; }
    public string EmailAddress { get; }
    public string? ListId { get; }
    public DateTime? Date { get; }
    /// <summary>Clicks: the link clicked.</summary>
    public string? URL { get; }
    public string? IPAddress { get; }
    public string? City { get; }
    public string? Region { get; }
    public string? CountryCode { get; }
    public string? CountryName { get; }
    public double? Latitude { get; }
    public double? Longitude { get; }
    /// <summary>Bounces: Soft or Hard.</summary>
    public string? BounceType { get; }
    /// <summary>Bounces: why.</summary>
    public string? Reason { get; }
    public string Credential { get; }
}
