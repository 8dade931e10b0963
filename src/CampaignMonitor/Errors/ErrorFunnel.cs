using System.Management.Automation;
using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Core.Send;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Errors;

/// <summary>
/// The one translation from a failure to an ErrorRecord: every record gets an id that says what went wrong, a
/// category, and a target. Whether it ends the command is decided by the cmdlet base, not here.
/// </summary>
internal static class ErrorFunnel
{
    /// <summary>Failures the module expects and explains; anything else is a bug and is not swallowed.</summary>
    public static bool IsExpected(Exception exception) => exception is CampaignMonitorException or SettingsException or SendException
        or ArgumentException or IOException or UnauthorizedAccessException or InvalidDataException
        or HttpRequestException or TimeoutException or System.ComponentModel.Win32Exception;

    public static ErrorRecord ToRecord(Exception exception, object? target)
    {
        var (id, category) = exception switch
        {
            CampaignMonitorException api => Api(api.Kind),
            SettingsException settings => Settings(settings.Kind),
            SendException send => (send.Kind.ToString(), send.Kind switch
            {
                SendErrorKind.NoEmailColumn => ErrorCategory.InvalidData,
                SendErrorKind.CheckpointUnavailable or SendErrorKind.StateUnavailable => ErrorCategory.ResourceUnavailable,
                SendErrorKind.StateInvalid or SendErrorKind.CsvUnreadable => ErrorCategory.InvalidData,
                _ => ErrorCategory.InvalidOperation,
            }),
            ArgumentException => ("InvalidArgument", ErrorCategory.InvalidArgument),
            InvalidDataException => ("UnreadableAnswer", ErrorCategory.InvalidData),
            UnauthorizedAccessException => ("AccessDenied", ErrorCategory.PermissionDenied),
            IOException or HttpRequestException or TimeoutException or System.ComponentModel.Win32Exception => ("ResourceUnavailable", ErrorCategory.ResourceUnavailable),
            _ => ("UnexpectedFailure", ErrorCategory.NotSpecified),
        };
        return Create(exception, id, category, target ?? (exception as SettingsException)?.Target);
    }

    /// <summary>A record for a failure the cmdlet itself describes (no Core exception behind it).</summary>
    public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target) =>
        new(exception, errorId, category, target);

    private static (string, ErrorCategory) Api(ApiErrorKind kind) => kind switch
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

    private static (string, ErrorCategory) Settings(SettingsErrorKind kind) => kind switch
    {
        SettingsErrorKind.NotFound => ("SettingNotFound", ErrorCategory.ObjectNotFound),
        SettingsErrorKind.AlreadyExists => ("SettingExists", ErrorCategory.ResourceExists),
        SettingsErrorKind.InUse => ("SettingInUse", ErrorCategory.ResourceBusy),
        SettingsErrorKind.Invalid => ("InvalidSetting", ErrorCategory.InvalidArgument),
        SettingsErrorKind.Corrupt => ("SettingsFileInvalid", ErrorCategory.InvalidData),
        SettingsErrorKind.NotAllowed => ("NotAllowedByPolicy", ErrorCategory.PermissionDenied),
        _ => ("SettingsUnavailable", ErrorCategory.ResourceUnavailable),
    };
}
