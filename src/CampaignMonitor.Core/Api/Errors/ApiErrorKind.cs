namespace CampaignMonitor.Core.Api.Errors;

/// <summary>What kind of failure the API reported; decides the advice a user gets and whether a retry could help.</summary>
internal enum ApiErrorKind
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
