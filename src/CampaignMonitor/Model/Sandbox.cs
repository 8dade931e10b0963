using System.Security;
using CampaignMonitor.Core.Sandbox;

namespace CampaignMonitor;

/// <summary>A local sandbox started by Start-CMSandbox. Its ApiKey is a SecureString: it pipes into New-CMCredential and is never printed.</summary>
public sealed class Sandbox
{
    internal Sandbox(SandboxProcess process, SecureString apiKey, string plainKey, int port)
    {
        Process = process;
        ApiKey = apiKey;
        PlainKey = plainKey;
        Port = port;
        StartTime = DateTime.Now;
    }

    internal SandboxProcess Process { get; }

    /// <summary>Kept for the sandbox's own controls; never exposed as a property.</summary>
    internal string PlainKey { get; }

    public string BaseUri => Process.BaseUri.ToString();
    public SecureString ApiKey { get; }
    public string ClientId => Process.ClientId;
    public int Port { get; }
    public int ProcessId => Process.ProcessId;
    public DateTime StartTime { get; }
    public bool Running => !Process.HasExited;

    public override string ToString() => BaseUri;
}
