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

/// <summary>One request the sandbox received (Get-CMSandboxRequest).</summary>
public sealed class SandboxRequest
{
    internal SandboxRequest(SandboxRequestEntry entry)
    {
        Sequence = entry.Sequence;
        Time = entry.Time.ToLocalTime();
        Method = entry.Method;
        Path = entry.Path;
        Query = entry.Query;
        Status = entry.Status;
        DurationMs = entry.DurationMs;
        BatchSize = entry.BatchSize;
        Fault = entry.Fault;
        Attempt = entry.Attempt;
    }

    public long Sequence { get; }
    public DateTime Time { get; }
    public string Method { get; }
    public string Path { get; }
    public string Query { get; }
    /// <summary>0 when the sandbox dropped the connection on purpose.</summary>
    public int Status { get; }
    public double DurationMs { get; }
    public int? BatchSize { get; }
    /// <summary>The injected fault, if any: 500, 429, drop-before, drop-after, slow.</summary>
    public string Fault { get; }
    /// <summary>How many times the sandbox has seen this exact request (1 for the first).</summary>
    public int Attempt { get; }
}

/// <summary>What Add-CMSandboxData put in the sandbox.</summary>
public sealed class SandboxData
{
    internal SandboxData(SandboxSeedResult result)
    {
        ListId = result.ListID;
        ListName = result.ListName;
        Added = new Dictionary<string, int>(result.Added, StringComparer.OrdinalIgnoreCase);
        Suppressed = result.Suppressed;
        CampaignIds = result.CampaignIDs.ToArray();
    }

    public string ListId { get; }
    public string ListName { get; }
    /// <summary>Subscribers added, by state.</summary>
    public IReadOnlyDictionary<string, int> Added { get; }
    public int Suppressed { get; }
    public string[] CampaignIds { get; }
}

/// <summary>The sandboxes this session started: the default target of the sandbox cmdlets, all stopped when the module is removed.</summary>
internal static class SandboxRegistry
{
    private static readonly List<Sandbox> Started = new();

    static SandboxRegistry()
    {
        // The child also watches for our exit; this makes the common case immediate.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
    }

    public static void Add(Sandbox sandbox)
    {
        lock (Started)
            Started.Add(sandbox);
    }

    public static Sandbox? Latest()
    {
        lock (Started)
            return Started.LastOrDefault(s => s.Running);
    }

    public static IReadOnlyList<Sandbox> All()
    {
        lock (Started)
            return Started.ToList();
    }

    public static void Stop(Sandbox sandbox)
    {
        lock (Started)
            Started.Remove(sandbox);
        sandbox.Process.Dispose();
    }

    public static void StopAll()
    {
        foreach (var sandbox in All())
            Stop(sandbox);
    }
}
