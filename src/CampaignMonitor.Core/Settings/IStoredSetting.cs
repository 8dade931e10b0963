namespace CampaignMonitor.Core.Settings;

/// <summary>What every stored setting has: a name and when it was created and last changed.</summary>
internal interface IStoredSetting
{
    string Name { get; }
    DateTime Created { get; set; }
    DateTime Modified { get; set; }
}
