namespace CampaignMonitor.Core.Send.History;

/// <summary>How a send that reached the API ended.</summary>
internal enum SendRunStatus
{
    /// <summary>Every row ended imported, rejected, duplicate, skipped or unchanged.</summary>
    Completed,
    /// <summary>Some rows could not be delivered (Failed above 0), or a terminating error ended the send.</summary>
    Failed,
    /// <summary>Stopped by Ctrl+C or a pipeline stop (Select-Object -First upstream does not stop a send).</summary>
    Stopped,
}
