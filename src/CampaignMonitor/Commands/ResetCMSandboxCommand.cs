using System.Management.Automation;
using CampaignMonitor.Base;

namespace CampaignMonitor.Commands;

/// <summary>Empties a sandbox: lists, subscribers, campaigns, suppression list, faults and request log.</summary>
[Cmdlet(VerbsCommon.Reset, "CMSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class ResetCMSandboxCommand : SandboxCmdletBase
{
    /// <summary>Clears only the request log, keeping the data and faults.</summary>
    [Parameter]
    public SwitchParameter RequestLogOnly { get; set; }

    protected override void ProcessRecord()
    {
        var sandbox = TargetSandbox();
        if (!ShouldProcess(sandbox.BaseUri, RequestLogOnly ? "Clear the request log" : "Remove all data, faults and the request log"))
            return;
        if (RequestLogOnly)
            CallSandbox(sandbox, (admin, ct) => admin.ClearRequestsAsync(ct));
        else
        {
            CallSandbox(sandbox, (admin, ct) => admin.ResetAsync(ct));
            // Its lists are gone: destinations pinned to them find (or create) their lists by name again.
            Catalog.Store.ListPins.ForgetAll(new Uri(sandbox.BaseUri));
        }
    }
}
