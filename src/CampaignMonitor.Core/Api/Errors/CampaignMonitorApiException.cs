namespace CampaignMonitor.Core.Api.Errors;

/// <summary>The API answered with an error status and (usually) its <c>{Code, Message, ResultData}</c> body.</summary>
internal sealed class CampaignMonitorApiException : CampaignMonitorException
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
