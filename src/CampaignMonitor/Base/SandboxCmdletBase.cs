using System.Management.Automation;
using CampaignMonitor.Core.Sandbox;

namespace CampaignMonitor.Base;

/// <summary>The sandbox control cmdlets: each works on -Sandbox, or else the sandbox this session started last.</summary>
public abstract class SandboxCmdletBase : CampaignMonitorCmdletBase
{
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public Sandbox? Sandbox { get; set; }

    internal Sandbox TargetSandbox()
    {
        var sandbox = Sandbox ?? SandboxRegistry.Latest();
        if (sandbox is null)
            Fail(new InvalidOperationException("No sandbox is running in this session. Start one with Start-CMSandbox, or pass -Sandbox."), "NoSandbox", ErrorCategory.ObjectNotFound, null);
        if (!sandbox.Running)
            Fail(new InvalidOperationException($"The sandbox at {sandbox.BaseUri} is no longer running. {sandbox.Process.ErrorOutput}"), "SandboxStopped", ErrorCategory.ResourceUnavailable, sandbox);
        return sandbox;
    }

    /// <summary>Calls the sandbox's controls; a refusal becomes a terminating error naming what was wrong.</summary>
    internal T CallSandbox<T>(Sandbox sandbox, Func<SandboxAdminClient, CancellationToken, Task<T>> call)
    {
        using var admin = new SandboxAdminClient(sandbox.Process.BaseUri, sandbox.PlainKey);
        try
        {
            return Async.Run(ct => call(admin, ct));
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            Fail(ex, "SandboxRequestFailed", ErrorCategory.InvalidOperation, sandbox);
            throw; // not reached
        }
    }

    /// <summary>For calls that return nothing.</summary>
    internal void CallSandbox(Sandbox sandbox, Func<SandboxAdminClient, CancellationToken, Task> call) =>
        CallSandbox(sandbox, async (admin, ct) =>
        {
            await call(admin, ct).ConfigureAwait(false);
            return true;
        });
}
