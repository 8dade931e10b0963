namespace CampaignMonitor.Sandbox.Faults;

/// <summary>What goes wrong on purpose. Rates are shares of requests (0 to 1); all off by default.</summary>
internal sealed record FaultSettings
{
    /// <summary>Makes every fault decision reproducible: the same seed, request and attempt give the same fault.</summary>
    public int Seed { get; init; }

    /// <summary>Answered 500 before the request is applied.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Connection closed without an answer, before the request is applied.</summary>
    public double DropBeforeRate { get; init; }

    /// <summary>Connection closed without an answer after the request was applied: the lost-response case.</summary>
    public double DropAfterRate { get; init; }

    /// <summary>Added to every request.</summary>
    public int LatencyMs { get; init; }

    /// <summary>A share of requests that also wait <see cref="SlowLatencyMs"/> (e.g. longer than the client's timeout).</summary>
    public double SlowRate { get; init; }

    public int SlowLatencyMs { get; init; }

    /// <summary>Requests allowed per window before 429; 0 for no limit.</summary>
    public int RateLimit { get; init; }

    public double RateLimitWindowSeconds { get; init; } = 1;

    /// <summary>Always, Never, or Sometimes: whether a 429 carries Retry-After and X-RateLimit-* (the real API has been seen without).</summary>
    public string RateLimitHeaders { get; init; } = "Always";

    /// <summary>Only requests whose path contains this text are faulted (e.g. "import"); all when empty.</summary>
    public string? PathContains { get; init; }

    public static FaultSettings None { get; } = new();

    /// <summary>The first problem with these settings, or null.</summary>
    public string? Problem()
    {
        foreach (var (name, rate) in new[] { ("ErrorRate", ErrorRate), ("DropBeforeRate", DropBeforeRate), ("DropAfterRate", DropAfterRate), ("SlowRate", SlowRate) })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
                return $"{name} must be between 0 and 1, not {rate}.";
        }
        if (LatencyMs < 0 || SlowLatencyMs < 0)
            return "Latencies cannot be negative.";
        if (RateLimit < 0 || RateLimitWindowSeconds <= 0)
            return "RateLimit must be 0 or more and RateLimitWindowSeconds more than 0.";
        if (RateLimitHeaders is not ("Always" or "Never" or "Sometimes"))
            return "RateLimitHeaders must be Always, Never or Sometimes.";
        return null;
    }
}
