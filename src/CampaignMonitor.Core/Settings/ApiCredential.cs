using CampaignMonitor.Core.Api;

namespace CampaignMonitor.Core.Settings;

/// <summary>A resolved credential: what a client needs to call the API. The key is never shown by ToString.</summary>
internal sealed class ApiCredential
{
    public ApiCredential(string name, string clientId, string apiKey, Uri baseUri)
    {
        Name = name;
        ClientId = clientId;
        ApiKey = apiKey;
        BaseUri = BaseUriPolicy.Normalize(baseUri);
    }

    public string Name { get; }
    public string ClientId { get; }
    public string ApiKey { get; }
    public Uri BaseUri { get; }

    /// <summary>At most the key's last four characters, e.g. "****c0de".</summary>
    public string ApiKeyHint => SecretText.Hint(ApiKey);

    public CampaignMonitorClientOptions ToClientOptions() => new() { BaseUri = BaseUri, ApiKey = ApiKey };

    public override string ToString() => $"{Name} (client {ClientId}, key {ApiKeyHint}, {BaseUri})";
}
