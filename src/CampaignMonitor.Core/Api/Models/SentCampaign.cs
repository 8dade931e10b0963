using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Models;

/// <summary>One sent campaign from <c>GET clients/{clientid}/campaigns.json</c>.</summary>
internal sealed class SentCampaign
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
