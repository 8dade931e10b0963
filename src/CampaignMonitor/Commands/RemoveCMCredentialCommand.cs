using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Errors;
using CampaignMonitor.Completion;

namespace CampaignMonitor.Commands;

/// <summary>Removes a credential and its protected key; refuses while a destination uses it, unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "CMCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveCMCredentialCommand : SettingsCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (Core.Settings.EnvironmentCredential.IsEnvironmentName(Name))
        {
            WriteError(ErrorFunnel.Create(new PSInvalidOperationException("The credential 'env' comes from the CM_API_KEY and CM_CLIENT_ID environment variables; clear those instead."),
                "EnvironmentCredential", ErrorCategory.InvalidOperation, Name));
            return;
        }
        // A pattern never reaches the environment's credential, which is not stored.
        ForEachNamed(Name, pattern => Catalog.GetCredentials(pattern).Where(c => c.Source != Core.Settings.CredentialSource.Environment).ToList(), c => c.Record.Name,
            name => Catalog.RemoveCredential(name, Force, () => ShouldProcess($"Credential '{name}'", "Remove credential")));
    }
}
