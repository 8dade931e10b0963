using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CampaignMonitor.Internal;

namespace CampaignMonitor.Completion;

/// <summary>Completes -Encoding with the names PowerShell's own cmdlets take (see <see cref="EncodingFromNameAttribute"/>).</summary>
public sealed class EncodingNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        EncodingFromNameAttribute.Names
            .Where(n => n.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
}
