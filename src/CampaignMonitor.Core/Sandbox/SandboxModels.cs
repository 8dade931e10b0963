namespace CampaignMonitor.Core.Sandbox;

/// <summary>Faults for the sandbox to inject (rates are shares of requests, 0 to 1). The sandbox's /_sandbox/faults contract.</summary>
public sealed class SandboxFaults
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

/// <summary>Data for the sandbox to generate or add. The sandbox's /_sandbox/seed contract.</summary>
public sealed class SandboxSeed
{
    public string ListName { get; set; } = "Sandbox List";
    public int Seed { get; set; } = 1;
    public int Active { get; set; }
    public int Unconfirmed { get; set; }
    public int Unsubscribed { get; set; }
    public int Bounced { get; set; }
    public int Deleted { get; set; }
    public int DaysBack { get; set; } = 30;
    public List<SandboxSeedSubscriber> Subscribers { get; set; } = new();
    public List<string> Suppressed { get; set; } = new();
    public int Campaigns { get; set; }
    public int RecipientsPerCampaign { get; set; }
}

public sealed class SandboxSeedSubscriber
{
    public string EmailAddress { get; set; } = "";
    public string? Name { get; set; }
    public string State { get; set; } = "Active";
    public DateTime? Date { get; set; }
    public string? ConsentToTrack { get; set; }
    public Dictionary<string, string> CustomFields { get; set; } = new();
}

public sealed class SandboxSeedResult
{
    public string ListID { get; set; } = "";
    public string ListName { get; set; } = "";
    public Dictionary<string, int> Added { get; set; } = new();
    public int Suppressed { get; set; }
    public List<string> CampaignIDs { get; set; } = new();
}

/// <summary>One request the sandbox saw.</summary>
public sealed class SandboxRequestEntry
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
}
