using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;

namespace CampaignMonitor.Commands;

/// <summary>Lists credentials: stored, session-only and the environment's, never with their keys.</summary>
[Cmdlet(VerbsCommon.Get, "CMCredential")]
[OutputType(typeof(Credential))]
public sealed class GetCMCredentialCommand : SettingsCmdletBase
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        // A name that matches nothing is an error about that name, not the end of the command.
        ForItem(() =>
        {
            foreach (var info in Catalog.GetCredentials(Name))
                WriteObject(new Credential(info));
        }, Name);
    }
}
