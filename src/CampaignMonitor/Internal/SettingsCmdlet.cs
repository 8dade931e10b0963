using System.Management.Automation;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Internal;

/// <summary>Base of the settings cmdlets: the catalog (warnings go to the warning stream) and settings errors as ErrorRecords.</summary>
public abstract class SettingsCmdlet : PSCmdlet
{
    private SettingsCatalog? _catalog;

    internal SettingsCatalog Catalog => _catalog ??= SettingsCatalog.ForEnvironment(WriteWarning);

    /// <summary>Runs a settings action; a settings problem becomes a terminating error with its id and category.</summary>
    internal T Settings<T>(Func<SettingsCatalog, T> action, object? target)
    {
        try
        {
            return action(Catalog);
        }
        catch (SettingsException ex)
        {
            ThrowTerminatingError(ToErrorRecord(ex, target));
            throw; // unreachable
        }
    }

    internal void Settings(Action<SettingsCatalog> action, object? target) =>
        Settings(catalog =>
        {
            action(catalog);
            return true;
        }, target);

    /// <summary>For the pipeline: a problem with one item is written and the next item is tried.</summary>
    internal bool TrySettings(Action<SettingsCatalog> action, object? target)
    {
        try
        {
            action(Catalog);
            return true;
        }
        catch (SettingsException ex)
        {
            WriteError(ToErrorRecord(ex, target));
            return false;
        }
    }

    internal static ErrorRecord ToErrorRecord(SettingsException ex, object? target)
    {
        var (id, category) = ex.Kind switch
        {
            SettingsErrorKind.NotFound => ("SettingNotFound", ErrorCategory.ObjectNotFound),
            SettingsErrorKind.AlreadyExists => ("SettingExists", ErrorCategory.ResourceExists),
            SettingsErrorKind.InUse => ("SettingInUse", ErrorCategory.ResourceBusy),
            SettingsErrorKind.Invalid => ("InvalidSetting", ErrorCategory.InvalidArgument),
            SettingsErrorKind.Corrupt => ("SettingsFileInvalid", ErrorCategory.InvalidData),
            SettingsErrorKind.NotAllowed => ("NotAllowedByPolicy", ErrorCategory.PermissionDenied),
            _ => ("SettingsUnavailable", ErrorCategory.ResourceUnavailable),
        };
        return ErrorRecords.Create(ex, id, category, target ?? ex.Target);
    }

    /// <summary>True when the user gave this parameter (so a switch given as -X:$false still counts).</summary>
    internal bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
}
