namespace CampaignMonitor.Core.Sandbox;

internal sealed class SandboxSeedSubscriber
{
    public string EmailAddress { get; set; } = "";
    public string? Name { get; set; }
    public string State { get; set; } = "Active";
    public DateTime? Date { get; set; }
    public string? ConsentToTrack { get; set; }
    public Dictionary<string, string> CustomFields { get; set; } = new();
}
