using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Completion;

/// <summary>Tab completion of setting names from the store (never fails: a broken store just completes nothing).</summary>
public abstract class SettingNameCompleterBase : IArgumentCompleter
{
    /// <param name="bound">The parameters the command line gives so far (a template completes for its -Destination).</param>
    internal abstract IEnumerable<string> Names(SettingsCatalog catalog, IDictionary bound);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        List<string> names;
        try
        {
            names = Names(SettingsCatalog.ForEnvironment(), fakeBoundParameters).ToList();
        }
        catch (Exception ex) when (ex is SettingsException or IOException or UnauthorizedAccessException)
        {
            names = new List<string>();
        }
        var prefix = wordToComplete.Trim('\'', '"');
        foreach (var name in names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase))
        {
            // A list name may hold spaces or quotes: quoted so that the completed line still parses.
            var text = name.Any(c => char.IsWhiteSpace(c) || "'\"`$;,(){}&|<>#@".Contains(c)) ? "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'" : name;
            yield return new CompletionResult(text, name, CompletionResultType.ParameterValue, name);
        }
    }
}
