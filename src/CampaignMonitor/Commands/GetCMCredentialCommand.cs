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
        foreach (var info in SetUp(() => Catalog.GetCredentials(Name), Name))
            WriteObject(new Credential(info));
    }
}
