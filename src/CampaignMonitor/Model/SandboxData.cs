using CampaignMonitor.Core.Sandbox;

namespace CampaignMonitor;

/// <summary>What Add-CMSandboxData put in the sandbox.</summary>
public sealed class SandboxData
{
    internal SandboxData(SandboxSeedResult result)
    {
        ListId = result.ListID;
        ListName = result.ListName;
        Added = new Dictionary<string, int>(result.Added, StringComparer.OrdinalIgnoreCase);
        Suppressed = result.Suppressed;
        CampaignIds = result.CampaignIDs.ToArray();
    }

    public string ListId { get; }
    public string ListName { get; }
    /// <summary>Subscribers added, by state.</summary>
    public IReadOnlyDictionary<string, int> Added { get; }
    public int Suppressed { get; }
    public string[] CampaignIds { get; }
}
