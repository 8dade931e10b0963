using System.Collections.Specialized;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor;

/// <summary>A credential as PowerShell shows it: never the API key, at most its last four characters.</summary>
public sealed class Credential
{
    internal Credential(CredentialInfo info)
    {
        Name = info.Record.Name;
        ClientId = info.Record.ClientId;
        BaseUri = info.Record.BaseUri;
        ApiKeyHint = info.ApiKeyHint;
        Source = info.Source.ToString();
        Created = info.Source == CredentialSource.Environment ? null : info.Record.Created;
        Modified = info.Source == CredentialSource.Environment ? null : info.Record.Modified;
    }

    public string Name { get; }
    public string ClientId { get; }
    public string BaseUri { get; }
    /// <summary>"****" and the key's last four characters.</summary>
    public string ApiKeyHint { get; }
    /// <summary>Store (on disk, protected), Session (memory only) or Environment (CM_API_KEY and CM_CLIENT_ID).</summary>
    public string Source { get; }
    public DateTime? Created { get; }
    public DateTime? Modified { get; }

    public override string ToString() => Name;
}
