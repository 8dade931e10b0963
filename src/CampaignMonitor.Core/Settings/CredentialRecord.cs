namespace CampaignMonitor.Core.Settings;

/// <summary>What is stored of a credential besides its key (which lives in its own protected file).</summary>
internal sealed class CredentialRecord : IStoredSetting
{
    public int SchemaVersion { get; set; } = 1;
    public string Name { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string BaseUri { get; set; } = Api.CampaignMonitorClientOptions.DefaultBaseUri;
    public DateTime Created { get; set; }
    public DateTime Modified { get; set; }
}
