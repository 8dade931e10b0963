namespace CampaignMonitor.Core.Api.Models;

/// <summary>A list a campaign was sent to.</summary>
internal sealed class CampaignList
{
    public string ListID { get; set; } = "";
    public string Name { get; set; } = "";
}
