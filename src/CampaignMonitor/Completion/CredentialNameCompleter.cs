using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Completion;

/// <summary>Completes credential names: stored, this session's, and env when its variables are set.</summary>
public sealed class CredentialNameCompleter : SettingNameCompleterBase
{
    internal override IEnumerable<string> Names(SettingsCatalog catalog, System.Collections.IDictionary bound)
    {
        var names = catalog.Store.Credentials.Names().Concat(SessionCredentials.All().Select(c => c.Name));
        return EnvironmentCredential.Read() is null ? names : names.Append(EnvironmentCredential.Name);
    }
}
