namespace CampaignMonitor.Core.Api;

/// <summary>How to reach Campaign Monitor and how hard to try.</summary>
internal sealed class CampaignMonitorClientOptions
{
    public const string DefaultBaseUri = "https://api.createsend.com/api/v3.3/";

    private Uri _baseUri = new(DefaultBaseUri);

    /// <summary>The API root, ending in '/'. Plain http is accepted only for a loopback address (the sandbox).</summary>
    public Uri BaseUri
    {
        get => _baseUri;
        set => _baseUri = BaseUriPolicy.Normalize(value);
    }

    /// <summary>The API key. Only ever placed in the Authorization header; never in a message or log.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>How long one attempt may take, response body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt, for transient failures only (429, 5xx, timeouts, dropped connections).</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>
    /// Retries of a 429 (rate limited), counted apart: being told to wait is normal under a rate limit below the
    /// send rate, so it is allowed more patience than a failure. Only used when <see cref="MaxRetries"/> is above 0.
    /// </summary>
    public int MaxRateLimitRetries { get; set; } = 30;

    /// <summary>The first backoff delay; each retry doubles it, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No single wait is longer than this, whatever the server's Retry-After or X-RateLimit-Reset says.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Added to the User-Agent, e.g. "PowerShell/7.6.9".</summary>
    public string? UserAgentComment { get; set; }

    /// <summary>The clock used for every wait; tests substitute one that does not sleep.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public CampaignMonitorClientOptions Clone() => (CampaignMonitorClientOptions)MemberwiseClone();

    /// <summary>Never shows the key.</summary>
    public override string ToString() => $"Campaign Monitor at {BaseUri} (timeout {Timeout.TotalSeconds} s, {MaxRetries} retries)";
}
