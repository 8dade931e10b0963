namespace CampaignMonitor.Sandbox.Faults;

/// <summary>One request as the sandbox saw it. Never holds the Authorization header.</summary>
internal sealed record RequestLogEntry(long Sequence, DateTime Time, string Method, string Path, string Query, int Status,
    double DurationMs, int? BatchSize, string Fault, int Attempt, string ContentEncoding);
