namespace CampaignMonitor.Core.Sandbox;

/// <summary>How to start a sandbox.</summary>
internal sealed class SandboxStartOptions
{
    /// <summary>Path of Start-Sandbox.ps1, the script that runs the sandbox (in the module's sandbox folder).</summary>
    public string ScriptPath { get; set; } = "";
    /// <summary>$PSHOME of the PowerShell running the module: the sandbox runs in another process of it.</summary>
    public string PowerShellHome { get; set; } = "";
    /// <summary>This process's program (Environment.ProcessPath), where the PowerShell to start is looked for first.</summary>
    public string? ProcessPath { get; set; } = Environment.ProcessPath;
    /// <summary>0 for any free port.</summary>
    public int Port { get; set; }
    public string ApiKey { get; set; } = "";
    public string ClientId { get; set; } = "";
    /// <summary>The sandbox exits by itself when this process does.</summary>
    public int? ParentProcessId { get; set; } = Environment.ProcessId;
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
