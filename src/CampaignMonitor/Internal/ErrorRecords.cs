using System.Management.Automation;
using CampaignMonitor.Core.Api.Errors;

namespace CampaignMonitor.Internal;

/// <summary>Builds the module's ErrorRecords: every one with an id, a category and a target.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target, string? recommendedAction = null)
    {
        var record = new ErrorRecord(exception, errorId, category, target);
        if (recommendedAction is not null)
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction };
        return record;
    }

    /// <summary>An API failure as an ErrorRecord whose id and category say what kind it was.</summary>
    public static ErrorRecord FromApi(CampaignMonitorException exception, object? target)
    {
        var (id, category) = exception.Kind switch
        {
            ApiErrorKind.Authentication => ("ApiKeyRejected", ErrorCategory.AuthenticationError),
            ApiErrorKind.UnknownId => ("UnknownId", ErrorCategory.ObjectNotFound),
            ApiErrorKind.NotFound => ("NotFound", ErrorCategory.ObjectNotFound),
            ApiErrorKind.Permission => ("PermissionDenied", ErrorCategory.PermissionDenied),
            ApiErrorKind.RateLimited => ("RateLimited", ErrorCategory.LimitsExceeded),
            ApiErrorKind.ServerError => ("ServerError", ErrorCategory.ConnectionError),
            ApiErrorKind.Unavailable => ("ApiUnreachable", ErrorCategory.ConnectionError),
            _ => ("ApiRequestRefused", ErrorCategory.InvalidOperation),
        };
        return Create(exception, id, category, target);
    }
}
