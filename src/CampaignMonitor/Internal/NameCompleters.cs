using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Internal;

/// <summary>Tab completion of setting names from the store (never fails: a broken store just completes nothing).</summary>
public abstract class SettingNameCompleter : IArgumentCompleter
{
    internal abstract IEnumerable<string> Names(SettingsCatalog catalog);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        List<string> names;
        try
        {
            names = Names(SettingsCatalog.ForEnvironment()).ToList();
        }
        catch (Exception ex) when (ex is SettingsException or IOException or UnauthorizedAccessException)
        {
            names = new List<string>();
        }
        var prefix = wordToComplete.Trim('\'', '"');
        foreach (var name in names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase))
            yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, name);
    }
}

public sealed class CredentialNameCompleter : SettingNameCompleter
{
    internal override IEnumerable<string> Names(SettingsCatalog catalog)
    {
        var names = catalog.Store.Credentials.Names().Concat(SessionCredentials.All().Select(c => c.Name));
        return EnvironmentCredential.Read() is null ? names : names.Append(EnvironmentCredential.Name);
    }
}

public sealed class DestinationNameCompleter : SettingNameCompleter
{
    internal override IEnumerable<string> Names(SettingsCatalog catalog) => catalog.Store.Destinations.Names();
}

public sealed class DataTemplateNameCompleter : SettingNameCompleter
{
    internal override IEnumerable<string> Names(SettingsCatalog catalog) => catalog.Store.DataTemplates.Names();
}
