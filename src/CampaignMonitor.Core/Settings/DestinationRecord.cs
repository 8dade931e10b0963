namespace CampaignMonitor.Core.Settings;

/// <summary>Where subscribers go: a master list (by name) under a credential, and how that list is set up.</summary>
internal sealed class DestinationRecord : IStoredSetting
{
    public int SchemaVersion { get; set; } = 1;
    public string Name { get; set; } = "";
    public string Credential { get; set; } = "";
    public string ListName { get; set; } = "";
    public string? Description { get; set; }
    public string UnsubscribeSetting { get; set; } = Api.Models.UnsubscribeSettings.AllClientLists;
    public string? UnsubscribeUrl { get; set; }
    public string? ConfirmationUrl { get; set; }
    public bool ConfirmedOptIn { get; set; }
    public bool AllowBusinessUsers { get; set; }
    public bool AllowRestrictedPii { get; set; }
    public DateTime Created { get; set; }
    public DateTime Modified { get; set; }
}
