using System.Management.Automation;
using System.Net;
using System.Security;
using System.Security.Cryptography;
using CampaignMonitor.Core.Sandbox;
using CampaignMonitor.Base;

namespace CampaignMonitor.Commands;

/// <summary>Starts a local Campaign Monitor-compatible API server (the sandbox) as a child process of this PowerShell.</summary>
[Cmdlet(VerbsLifecycle.Start, "CMSandbox")]
[OutputType(typeof(Sandbox))]
public sealed class StartCMSandboxCommand : CampaignMonitorCmdletBase
{
    /// <summary>0 (the default) picks any free port.</summary>
    [Parameter(Position = 0)]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    [Parameter]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    [Parameter]
    [ValidatePattern("^[0-9a-fA-F]{32}$")]
    public string? ClientId { get; set; }

    protected override void EndProcessing()
    {
        var plainKey = ApiKey is null ? "sandbox-" + RandomHex(12) : new NetworkCredential("", ApiKey).Password;
        if (string.IsNullOrWhiteSpace(plainKey))
            Fail(new ArgumentException("The sandbox's API key cannot be empty."), "EmptyApiKey", ErrorCategory.InvalidArgument, null);
        var options = new SandboxStartOptions
        {
            ScriptPath = Path.Combine(Path.GetDirectoryName(typeof(StartCMSandboxCommand).Assembly.Location)!, "sandbox", "Start-Sandbox.ps1"),
            // $PSHOME: the folder of the PowerShell engine running this module.
            PowerShellHome = Path.GetDirectoryName(typeof(PSObject).Assembly.Location)!,
            Port = Port,
            ApiKey = plainKey,
            ClientId = ClientId ?? RandomHex(16),
        };
        SandboxProcess process;
        try
        {
            process = Async.Run(ct => SandboxProcess.StartAsync(options, ct));
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException or TimeoutException or IOException or System.ComponentModel.Win32Exception)
        {
            Fail(ex, "SandboxStartFailed", ErrorCategory.ResourceUnavailable, options.ScriptPath);
            return;
        }
        var secure = ApiKey?.Copy() ?? ToSecure(plainKey);
        secure.MakeReadOnly();
        var sandbox = new Sandbox(process, secure, plainKey, process.BaseUri.Port);
        SandboxRegistry.Add(sandbox);
        WriteVerbose($"Sandbox listening at {sandbox.BaseUri} (process {sandbox.ProcessId}, client {sandbox.ClientId}).");
        WriteObject(sandbox);
    }

    private static string RandomHex(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();

    private static SecureString ToSecure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
            secure.AppendChar(c);
        return secure;
    }
}
