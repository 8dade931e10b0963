using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Completion;

/// <summary>Completes data template names.</summary>
public sealed class DataTemplateNameCompleter : SettingNameCompleterBase
{
    internal override IEnumerable<string> Names(SettingsCatalog catalog) => catalog.Store.DataTemplates.Names();
}
