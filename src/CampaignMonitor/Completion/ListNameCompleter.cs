using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Completion;

/// <summary>
/// Completes list names from the destinations stored (offline, at once): with -Credential given, only the lists of
/// destinations under that credential.
/// </summary>
public sealed class ListNameCompleter : SettingNameCompleterBase
{
    internal override IEnumerable<string> Names(SettingsCatalog catalog, System.Collections.IDictionary bound)
    {
        var credential = bound["Credential"]?.ToString()?.Trim('\'', '"');
        return catalog.Store.Destinations.All()
            .Where(d => string.IsNullOrWhiteSpace(credential) || string.Equals(d.Credential, credential, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.ListName).Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
