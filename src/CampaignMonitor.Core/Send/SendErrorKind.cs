namespace CampaignMonitor.Core.Send;

/// <summary>Why a send cannot start (or go on with its checkpoint): each becomes an error id of its own.</summary>
internal enum SendErrorKind
{
    /// <summary>The input has no column the mapping takes the email address from.</summary>
    NoEmailColumn,
    /// <summary>The template gives a custom field a type other than the list's field has.</summary>
    FieldTypeConflict,
    /// <summary>The data template belongs to another destination.</summary>
    TemplateForOtherDestination,
    /// <summary>The -CheckpointPath file is not a checkpoint.</summary>
    CheckpointInvalid,
    /// <summary>The checkpoint was written for another send or other input.</summary>
    CheckpointMismatch,
    /// <summary>The -CheckpointPath file cannot be opened or written.</summary>
    CheckpointUnavailable,
    /// <summary>The list the destination is pinned to was deleted in Campaign Monitor.</summary>
    PinnedListDeleted,
    /// <summary>Two or more lists match the destination's list name when case is ignored, none exactly.</summary>
    AmbiguousListName,
    /// <summary>The -Incremental state file is not a state of this version, or is damaged.</summary>
    StateInvalid,
    /// <summary>The -Incremental state file cannot be read or written.</summary>
    StateUnavailable,
    /// <summary>A -Path file's header cannot be read (a column named twice, a quote never closed).</summary>
    CsvUnreadable,
}
