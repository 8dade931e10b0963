using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor;

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
