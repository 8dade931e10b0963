namespace CampaignMonitor.Core.Settings;

internal enum SettingsErrorKind
{
    /// <summary>No setting of that name.</summary>
    NotFound,
    /// <summary>A setting of that name exists (and -Force was not given).</summary>
    AlreadyExists,
    /// <summary>Another setting refers to this one.</summary>
    InUse,
    /// <summary>A value given is not acceptable.</summary>
    Invalid,
    /// <summary>A stored file cannot be read or makes no sense.</summary>
    Corrupt,
    /// <summary>The session's policy (CM_ROLE, CM_PII_ACCESS) does not allow it.</summary>
    NotAllowed,
    /// <summary>The store could not be locked or written.</summary>
    Unavailable,
}
