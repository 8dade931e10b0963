using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Completion;

/// <summary>Completes data template names: with -Destination given, only that destination's templates.</summary>
public sealed class DataTemplateNameCompleter : SettingNameCompleterBase
{
    internal override IEnumerable<string> Names(SettingsCatalog catalog, System.Collections.IDictionary bound)
    {
        var destination = bound["Destination"]?.ToString();
        if (string.IsNullOrWhiteSpace(destination))
            return catalog.Store.DataTemplates.Names();
        return catalog.Store.DataTemplates.All().Where(t => string.Equals(t.Destination, destination.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase)).Select(t => t.Name);
    }
}
