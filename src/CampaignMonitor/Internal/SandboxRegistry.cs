using CampaignMonitor.Core.Sandbox;

namespace CampaignMonitor;

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
