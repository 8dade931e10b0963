using CampaignMonitor.Core.Privacy;

namespace CampaignMonitor;

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
