namespace CampaignMonitor.Core.Api.Http;

/// <summary>Raised before each retry, so callers can count retries and tell the user (-Verbose).</summary>
internal sealed class RetryEventArgs : EventArgs
{
    public RetryEventArgs(string endpoint, int retryNumber, TimeSpan delay, string reason)
    {
        Endpoint = endpoint;
        RetryNumber = retryNumber;
        Delay = delay;
        Reason = reason;
    }

    /// <summary>Verb and path, no query string.</summary>
    public string Endpoint { get; }

    /// <summary>1 for the first retry.</summary>
    public int RetryNumber { get; }

    public TimeSpan Delay { get; }

    /// <summary>What went wrong, e.g. "HTTP 503" or "timed out after 120 s".</summary>
    public string Reason { get; }

    public override string ToString() =>
        $"Retry {RetryNumber} of {Endpoint} in {Delay.TotalSeconds:0.###} s: {Reason}";
}
