using System.Management.Automation;
using CampaignMonitor.Base;

namespace CampaignMonitor.Commands;

/// <summary>Stops sandboxes: the ones piped in, or every sandbox this session started.</summary>
[Cmdlet(VerbsLifecycle.Stop, "CMSandbox", SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class StopCMSandboxCommand : CampaignMonitorCmdletBase
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public Sandbox[]? Sandbox { get; set; }

    private readonly List<Sandbox> _targets = new();

    protected override void ProcessRecord()
    {
        if (Sandbox is not null)
            _targets.AddRange(Sandbox);
    }

    protected override void EndProcessing()
    {
        var targets = _targets.Count > 0 ? _targets : SandboxRegistry.All().ToList();
        foreach (var sandbox in targets)
        {
            if (ShouldProcess($"{sandbox.BaseUri} (process {sandbox.ProcessId})", "Stop sandbox"))
            {
                SandboxRegistry.Stop(sandbox);
                WriteVerbose($"Stopped the sandbox at {sandbox.BaseUri}.");
            }
        }
    }
}
