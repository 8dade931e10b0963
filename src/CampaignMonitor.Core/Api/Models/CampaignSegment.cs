namespace CampaignMonitor.Core.Api.Models;

/// <summary>A segment (of a list) a campaign was sent to.</summary>
internal sealed class CampaignSegment
{
    public string ListID { get; set; } = "";
    public string SegmentID { get; set; } = "";
    public string Title { get; set; } = "";
}
