using System.Text;
using System.Text.Json;

namespace CampaignMonitor.Core.Sandbox;

/// <summary>How to start a sandbox.</summary>
internal sealed class SandboxStartOptions
{
    /// <summary>Path of CampaignMonitor.Sandbox.dll.</summary>
    public string SandboxPath { get; set; } = "";
    /// <summary>0 for any free port.</summary>
    public int Port { get; set; }
    public string ApiKey { get; set; } = "";
    public string ClientId { get; set; } = "";
    /// <summary>The sandbox exits by itself when this process does.</summary>
    public int? ParentProcessId { get; set; } = Environment.ProcessId;
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
