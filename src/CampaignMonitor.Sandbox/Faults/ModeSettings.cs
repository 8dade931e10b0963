namespace CampaignMonitor.Sandbox.Faults;

/// <summary>The sandbox's mode (<see cref="SandboxMode"/>): both off normally, and after a reset.</summary>
internal sealed record ModeSettings
{
    /// <summary>Imports are answered at once, every row counted as new, nothing stored.</summary>
    public bool Stub { get; init; }

    /// <summary>Import bodies are kept for GET /_sandbox/bodies.</summary>
    public bool KeepBodies { get; init; }

    public static ModeSettings Normal { get; } = new();
}
