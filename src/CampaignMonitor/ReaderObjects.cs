using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Privacy;

namespace CampaignMonitor;

/// <summary>A subscriber of a list, as read back (Get-CMSubscriber).</summary>
public sealed class Subscriber
{
    internal Subscriber(ListSubscriber s, string listId, string credential, IReadOnlyCollection<string> multiSelectMany, bool mask)
    {
        EmailAddress = mask ? PiiMask.Email(s.EmailAddress) : s.EmailAddress;
        Name = mask ? PiiMask.Name(s.Name) : s.Name;
        State = s.State;
        Date = s.Date;
        ListJoinedDate = s.ListJoinedDate;
        ConsentToTrack = string.IsNullOrEmpty(s.ConsentToTrack) ? null : s.ConsentToTrack;
        ConsentToSendSms = string.IsNullOrEmpty(s.ConsentToSendSms) ? null : s.ConsentToSendSms;
        MobileNumber = mask ? PiiMask.Phone(s.MobileNumber) : s.MobileNumber;
        ReadsEmailWith = string.IsNullOrEmpty(s.ReadsEmailWith) ? null : s.ReadsEmailWith;
        CustomFields = Core.Readers.CustomFieldValues.ByName(s.CustomFields, multiSelectMany);
        ListId = listId;
        Credential = credential;
    }

    public string EmailAddress { get; }
    public string? Name { get; }
    public string? State { get; }
    /// <summary>When the subscriber's state last changed.</summary>
    public DateTime? Date { get; }
    /// <summary>When the subscriber first joined the list.</summary>
    public DateTime? ListJoinedDate { get; }
    /// <summary>Yes, No, or null when unknown.</summary>
    public string? ConsentToTrack { get; }
    public string? ConsentToSendSms { get; }
    public string? MobileNumber { get; }
    public string? ReadsEmailWith { get; }
    /// <summary>Values by field name; multi-select values as arrays.</summary>
    public Dictionary<string, object?> CustomFields { get; }
    public string ListId { get; }
    public string Credential { get; }

    public override string ToString() => EmailAddress;
}

/// <summary>A sent campaign (Get-CMCampaign). It remembers the credential it was read with, so it pipes on without one.</summary>
public sealed class Campaign
{
    internal Campaign(SentCampaign c, string credential)
    {
        CampaignId = c.CampaignID;
        Name = c.Name;
        Subject = c.Subject;
        SentDate = c.SentDate;
        TotalRecipients = c.TotalRecipients;
        Tags = c.Tags?.ToArray() ?? Array.Empty<string>();
        FromName = c.FromName;
        FromEmail = c.FromEmail;
        ReplyTo = c.ReplyTo;
        WebVersionURL = c.WebVersionURL;
        WebVersionTextURL = c.WebVersionTextURL;
        Credential = credential;
    }

    public string CampaignId { get; }
    public string? Name { get; }
    public string? Subject { get; }
    public DateTime? SentDate { get; }
    public int TotalRecipients { get; }
    public string[] Tags { get; }
    public string? FromName { get; }
    public string? FromEmail { get; }
    public string? ReplyTo { get; }
    public string? WebVersionURL { get; }
    public string? WebVersionTextURL { get; }
    public string Credential { get; }

    public override string ToString() => Name ?? CampaignId;
}

/// <summary>One row of a campaign report (Get-CMCampaignActivity), carrying its campaign and report type.</summary>
public sealed class CampaignActivity
{
    internal CampaignActivity(CampaignActivityItem a, string campaignId, CampaignActivityType type, string credential, bool mask)
    {
        CampaignId = campaignId;
        Type = type.ToString();
        EmailAddress = mask ? PiiMask.Email(a.EmailAddress) : a.EmailAddress;
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

/// <summary>A campaign's summary (Get-CMCampaignSummary).</summary>
public sealed class CampaignSummary
{
    internal CampaignSummary(Core.Api.Models.CampaignSummary s, string campaignId, string credential)
    {
        CampaignId = campaignId;
        Name = s.Name;
        Recipients = s.Recipients;
        TotalOpened = s.TotalOpened;
        UniqueOpened = s.UniqueOpened;
        Clicks = s.Clicks;
        Unsubscribed = s.Unsubscribed;
        Bounced = s.Bounced;
        SpamComplaints = s.SpamComplaints;
        Forwards = s.Forwards ?? s.ForwardToAFriends;
        Likes = s.Likes ?? s.FacebookLikes;
        Mentions = s.Mentions ?? s.TwitterTweets;
        WebVersionURL = s.WebVersionURL;
        WorldviewURL = s.WorldviewURL;
        Credential = credential;
    }

    public string CampaignId { get; }
    public string? Name { get; }
    public int Recipients { get; }
    public int TotalOpened { get; }
    public int UniqueOpened { get; }
    public int Clicks { get; }
    public int Unsubscribed { get; }
    public int Bounced { get; }
    public int SpamComplaints { get; }
    public int? Forwards { get; }
    public int? Likes { get; }
    public int? Mentions { get; }
    public string? WebVersionURL { get; }
    public string? WorldviewURL { get; }
    public string Credential { get; }
}
