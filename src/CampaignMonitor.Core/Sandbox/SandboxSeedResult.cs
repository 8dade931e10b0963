namespace CampaignMonitor.Core.Sandbox;

internal sealed class SandboxSeedResult
{
    public string ListID { get; set; } = "";
    public string ListName { get; set; } = "";
    public Dictionary<string, int> Added { get; set; } = new();
    public int Suppressed { get; set; }
    public List<string> CampaignIDs { get; set; } = new();
}
