namespace CampaignMonitor.Sandbox.State;

internal sealed record SeedResult(string ListID, string ListName, Dictionary<string, int> Added, int Suppressed, List<string> CampaignIDs);
