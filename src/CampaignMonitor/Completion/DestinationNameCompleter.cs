using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Completion;

/// <summary>Completes destination names.</summary>
public sealed class DestinationNameCompleter : SettingNameCompleterBase
{
    internal override IEnumerable<string> Names(SettingsCatalog catalog, System.Collections.IDictionary bound) => catalog.Store.Destinations.Names();
}
