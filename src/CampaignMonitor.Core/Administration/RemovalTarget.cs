namespace CampaignMonitor.Core.Administration;

/// <summary>A list an address was removed from (or, with Found false, the list that did not have it).</summary>
internal sealed record RemovalTarget(string ListId, string ListName, bool Found);
