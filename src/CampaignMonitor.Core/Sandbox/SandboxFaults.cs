namespace CampaignMonitor.Core.Sandbox;

/// <summary>Faults for the sandbox to inject (rates are shares of requests, 0 to 1). The sandbox's /_sandbox/faults contract.</summary>
internal sealed class SandboxFaults
{
    public int Seed { get; set; }
    public double ErrorRate { get; set; }
    public double DropBeforeRate { get; set; }
    public double DropAfterRate { get; set; }
    public int LatencyMs { get; set; }
    public double SlowRate { get; set; }
    public int SlowLatencyMs { get; set; }
    public int RateLimit { get; set; }
    public double RateLimitWindowSeconds { get; set; } = 1;
    public string RateLimitHeaders { get; set; } = "Always";
    public string? PathContains { get; set; }
}
