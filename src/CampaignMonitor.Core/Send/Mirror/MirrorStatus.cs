namespace CampaignMonitor.Core.Send.Mirror;

/// <summary>What became of -Mirror's removal step.</summary>
internal enum MirrorStatus
{
    /// <summary>No -Mirror.</summary>
    NotRequested,
    /// <summary>The members not in the input were removed (RemoveFailed says how many could not be).</summary>
    Done,
    /// <summary>-WhatIf: the members were read and counted (WouldRemove), nothing removed.</summary>
    WhatIf,
    /// <summary>Some rows could not be delivered: removing people on an incomplete send could remove the wrong ones.</summary>
    SkippedFailures,
    /// <summary>No row was received: an empty export would otherwise empty the list.</summary>
    SkippedEmptyInput,
    /// <summary>It would have removed more than -MaxRemovalPercent of the members: nothing removed.</summary>
    RefusedLimit,
    /// <summary>The send was stopped.</summary>
    Stopped,
    /// <summary>The members could not be read: nothing removed (the error says why).</summary>
    Failed,
}
