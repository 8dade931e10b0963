namespace CampaignMonitor.Core.Sandbox;

/// <summary>Data for the sandbox to generate or add. The sandbox's /_sandbox/seed contract.</summary>
internal sealed class SandboxSeed
{
    public string ListName { get; set; } = "Sandbox List";
    public int Seed { get; set; } = 1;
    public int Active { get; set; }
    public int Unconfirmed { get; set; }
    public int Unsubscribed { get; set; }
    public int Bounced { get; set; }
    public int Deleted { get; set; }
    public int DaysBack { get; set; } = 30;
    public List<SandboxSeedSubscriber> Subscribers { get; set; } = new();
    public List<string> Suppressed { get; set; } = new();
    public int Campaigns { get; set; }
    public int RecipientsPerCampaign { get; set; }
}
