using System.Management.Automation;
using CampaignMonitor.Base;

namespace CampaignMonitor.Commands;

/// <summary>Lists the lists of a credential's client.</summary>
[Cmdlet(VerbsCommon.Get, "CMList", DefaultParameterSetName = CredentialSet)]
[OutputType(typeof(List))]
public sealed class GetCMListCommand : ClientReaderCmdletBase
{
    /// <summary>Only lists whose name matches this wildcard pattern.</summary>
    [Parameter]
    [SupportsWildcards]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        var credential = ResolveClient();
        var client = Client(credential);
        var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
        foreach (var list in SetUp(() => Call(ct => client.GetListsAsync(credential.ClientId, ct)), credential.Name))
        {
            if (pattern is null || pattern.IsMatch(list.Name))
                WriteObject(new List(list.ListID, list.Name, credential.Name));
        }
    }
}
