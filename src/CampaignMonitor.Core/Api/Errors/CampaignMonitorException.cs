namespace CampaignMonitor.Core.Api.Errors;

/// <summary>Every failure the client reports derives from this. Messages never carry the API key.</summary>
internal abstract class CampaignMonitorException : Exception
{
    protected CampaignMonitorException(string message, string endpoint, int attempts, Exception? inner)
        : base(message, inner)
    {
        Endpoint = endpoint;
        Attempts = attempts;
    }

    /// <summary>Verb and path of the call, without the query string (which may hold an email address).</summary>
    public string Endpoint { get; }

    /// <summary>How many times the request was sent (1 when it was not retried).</summary>
    public int Attempts { get; }

    public abstract ApiErrorKind Kind { get; }

    /// <summary>True when the failure was transient in kind (retried until the retries ran out): sending again later may work.</summary>
    public bool IsTransient => Kind is ApiErrorKind.RateLimited or ApiErrorKind.ServerError or ApiErrorKind.Unavailable;
}
