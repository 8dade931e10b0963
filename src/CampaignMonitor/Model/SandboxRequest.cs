using CampaignMonitor.Core.Sandbox;

namespace CampaignMonitor;

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
        ContentEncoding = entry.ContentEncoding;
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
    /// <summary>How the answer was compressed (br, gzip), as the client asked; empty when it was not.</summary>
    public string ContentEncoding { get; }
}
