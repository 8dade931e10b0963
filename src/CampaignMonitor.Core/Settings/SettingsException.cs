namespace CampaignMonitor.Core.Settings;

/// <summary>A settings problem, with a message that names the setting (or file) and what is wrong.</summary>
internal sealed class SettingsException : Exception
{
    public SettingsException(SettingsErrorKind kind, string message, string? target = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Target = target;
    }

    public SettingsErrorKind Kind { get; }

    /// <summary>The name or file the problem is about.</summary>
    public string? Target { get; }
}
