namespace CampaignMonitor.Base;

/// <summary>Base of the cmdlets that create, change or remove credentials, destinations and data templates.</summary>
public abstract class SettingsCmdletBase : CampaignMonitorCmdletBase
{
    /// <summary>A business-user session may not change settings: a terminating error says so.</summary>
    internal void RequireMayChangeSettings(string what, object? target) => SetUp(() => Catalog.Policy.RequireMayChangeSettings(what), target);
}
