using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Errors;

namespace CampaignMonitor.Commands;

/// <summary>
/// Takes addresses off a client's suppression list, so email can reach them again (impact High). An address that
/// is not suppressed is a non-terminating NotSuppressed error.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CMSuppression", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = DestinationSet)]
[OutputType(typeof(SuppressionChange))]
public sealed class RemoveCMSuppressionCommand : SuppressionCmdletBase
{
    protected override void ProcessRecord()
    {
        var client = SuppressionClient();
        foreach (var given in EmailAddress)
        {
            var email = given.Trim();
            var shown = Masker.Email(email)!;
            if (!ShouldProcess(shown, $"Remove from the suppression list of credential '{ClientCredential.Name}' (email can reach it again)"))
                continue;
            ForItem(() =>
            {
                if (!Call(ct => client.UnsuppressAsync(ClientCredential.ClientId, email, ct)))
                {
                    WriteError(ErrorFunnel.Create(new ItemNotFoundException($"{shown} is not on the suppression list of credential '{ClientCredential.Name}'."),
                        "NotSuppressed", ErrorCategory.ObjectNotFound, shown));
                    return;
                }
                if (PassThru)
                    WriteObject(new SuppressionChange(shown, "Unsuppressed", ClientCredential.Name));
            }, shown);
            WriteRetries();
        }
    }
}
