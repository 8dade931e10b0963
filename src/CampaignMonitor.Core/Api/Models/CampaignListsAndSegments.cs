namespace CampaignMonitor.Core.Api.Models;

/// <summary>Response of <c>GET campaigns/{campaignid}/listsandsegments.json</c>: where a campaign was sent.</summary>
internal sealed class CampaignListsAndSegments
{
    public List<CampaignList> Lists { get; set; } = new();
    public List<CampaignSegment> Segments { get; set; } = new();

    /// <summary>True when the campaign went to the list, or to a segment of it.</summary>
    public bool Reached(string listId) =>
        Lists.Any(l => string.Equals(l.ListID, listId, StringComparison.OrdinalIgnoreCase))
        || Segments.Any(s => string.Equals(s.ListID, listId, StringComparison.OrdinalIgnoreCase));
}
