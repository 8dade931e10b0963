namespace CampaignMonitor.Core.Api.Errors;

/// <summary>What kind of failure the API reported; decides the advice a user gets and whether a retry could help.</summary>
public enum ApiErrorKind
{
    /// <summary>401: the API key (or OAuth token) was refused.</summary>
    Authentication,
    /// <summary>The client or list id is not one the credential can see (codes 101, 102).</summary>
    UnknownId,
    /// <summary>404: no such endpoint or resource.</summary>
    NotFound,
    /// <summary>403 / code 60: the credential lacks permission.</summary>
    Permission,
    /// <summary>400 for any other business or validation reason: the caller's request is at fault.</summary>
    InvalidRequest,
    /// <summary>429 after every retry.</summary>
    RateLimited,
    /// <summary>5xx after every retry.</summary>
    ServerError,
    /// <summary>No answer at all: timeouts and dropped or refused connections, after every retry.</summary>
    Unavailable,
}

/// <summary>Every failure the client reports derives from this. Messages never carry the API key.</summary>
public abstract class CampaignMonitorException : Exception
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

/// <summary>The API answered with an error status and (usually) its <c>{Code, Message, ResultData}</c> body.</summary>
public sealed class CampaignMonitorApiException : CampaignMonitorException
{
    public CampaignMonitorApiException(string message, string endpoint, int attempts, int httpStatus, int? code,
        string? apiMessage, ApiErrorKind kind)
        : base(message, endpoint, attempts, null)
    {
        HttpStatus = httpStatus;
        Code = code;
        ApiMessage = apiMessage;
        Kind = kind;
    }

    public int HttpStatus { get; }

    /// <summary>The API's numeric error code, when the body had one.</summary>
    public int? Code { get; }

    /// <summary>The API's own message, when the body had one.</summary>
    public string? ApiMessage { get; }

    public override ApiErrorKind Kind { get; }
}

/// <summary>No usable answer came back: the connection failed, dropped, or timed out on every attempt.</summary>
public sealed class CampaignMonitorUnavailableException : CampaignMonitorException
{
    public CampaignMonitorUnavailableException(string message, string endpoint, int attempts, Exception? inner)
        : base(message, endpoint, attempts, inner)
    {
    }

    public override ApiErrorKind Kind => ApiErrorKind.Unavailable;
}
