using System.Management.Automation;
using CampaignMonitor.Base;

namespace CampaignMonitor.Commands;

/// <summary>Reads the sandbox's request log: method, path, status, timing, batch size and injected fault of each request.</summary>
[Cmdlet(VerbsCommon.Get, "CMSandboxRequest")]
[OutputType(typeof(SandboxRequest))]
public sealed class GetCMSandboxRequestCommand : SandboxCmdletBase
{
    /// <summary>Only requests whose path matches this wildcard pattern, e.g. '*import*'.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    public string? Path { get; set; }

    protected override void ProcessRecord()
    {
        var sandbox = TargetSandbox();
        var pattern = string.IsNullOrEmpty(Path) ? null : new WildcardPattern(Path, WildcardOptions.IgnoreCase);
        foreach (var entry in CallSandbox(sandbox, (admin, ct) => admin.GetRequestsAsync(0, ct)))
        {
            if (pattern is null || pattern.IsMatch(entry.Path))
                WriteObject(new SandboxRequest(entry));
        }
    }
}
