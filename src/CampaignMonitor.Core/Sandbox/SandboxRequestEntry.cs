namespace CampaignMonitor.Core.Sandbox;

/// <summary>One request the sandbox saw.</summary>
internal sealed class SandboxRequestEntry
{
    public long Sequence { get; set; }
    public DateTime Time { get; set; }
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public string Query { get; set; } = "";
    /// <summary>0 when the connection was dropped on purpose.</summary>
    public int Status { get; set; }
    public double DurationMs { get; set; }
    public int? BatchSize { get; set; }
    /// <summary>"", "500", "429", "drop-before", "drop-after", "slow".</summary>
    public string Fault { get; set; } = "";
    public int Attempt { get; set; }
    /// <summary>How the answer was compressed: "br", "gzip", or "" when it was not.</summary>
    public string ContentEncoding { get; set; } = "";
}
