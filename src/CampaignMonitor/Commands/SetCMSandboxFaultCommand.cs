using System.Management.Automation;
using CampaignMonitor.Core.Sandbox;
using CampaignMonitor.Base;

namespace CampaignMonitor.Commands;

/// <summary>Makes the sandbox fail on purpose: 500s, dropped connections, latency, rate limits. With no fault given, clears them.</summary>
[Cmdlet(VerbsCommon.Set, "CMSandboxFault", SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class SetCMSandboxFaultCommand : SandboxCmdletBase
{
    [Parameter, ValidateRange(0.0, 1.0)]
    public double ErrorRate { get; set; }

    [Parameter, ValidateRange(0.0, 1.0)]
    public double DropRate { get; set; }

    [Parameter, ValidateRange(0.0, 1.0)]
    public double LostResponseRate { get; set; }

    [Parameter, ValidateRange(0, 600_000)]
    public int LatencyMs { get; set; }

    [Parameter, ValidateRange(0.0, 1.0)]
    public double SlowRate { get; set; }

    [Parameter, ValidateRange(0, 600_000)]
    public int SlowLatencyMs { get; set; }

    [Parameter, ValidateRange(0, int.MaxValue)]
    public int RateLimit { get; set; }

    [Parameter, ValidateRange(0.001, 3600.0)]
    public double RateLimitWindowSeconds { get; set; } = 1;

    [Parameter, ValidateSet("Always", "Never", "Sometimes")]
    public string RateLimitHeaders { get; set; } = "Always";

    [Parameter]
    public string? PathContains { get; set; }

    [Parameter]
    public int Seed { get; set; }

    protected override void ProcessRecord()
    {
        var sandbox = TargetSandbox();
        var faults = new SandboxFaults
        {
            Seed = Seed, ErrorRate = ErrorRate, DropBeforeRate = DropRate, DropAfterRate = LostResponseRate, LatencyMs = LatencyMs,
            SlowRate = SlowRate, SlowLatencyMs = SlowLatencyMs, RateLimit = RateLimit, RateLimitWindowSeconds = RateLimitWindowSeconds,
            RateLimitHeaders = RateLimitHeaders, PathContains = PathContains,
        };
        if (ShouldProcess(sandbox.BaseUri, "Set faults"))
            CallSandbox(sandbox, (admin, ct) => admin.SetFaultsAsync(faults, ct));
    }
}
