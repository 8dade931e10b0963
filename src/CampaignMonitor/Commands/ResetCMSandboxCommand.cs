using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Core.Send.Incremental;

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
            // Its lists are gone: destinations pinned to them find (or create) their lists by name again, and what
            // -Incremental remembers sending to them is forgotten (the list IDs come back the same).
            var baseUri = new Uri(sandbox.BaseUri);
            Catalog.Store.ListPins.ForgetAll(baseUri);
            foreach (var destination in Catalog.Store.Destinations.All())
            {
                try
                {
                    if (Catalog.ResolveCredential(destination.Credential).BaseUri == baseUri)
                        IncrementalState.ForgetDefault(Catalog.Store.Folder, destination.Name);
                }
                catch (Core.Settings.SettingsException)
                {
                    // A destination whose credential is gone or unreadable sends nowhere: nothing to forget.
                }
            }
        }
    }
}
