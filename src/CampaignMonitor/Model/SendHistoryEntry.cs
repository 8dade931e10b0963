using CampaignMonitor.Core.Send.History;

namespace CampaignMonitor;

/// <summary>One send of the run history (Get-CMSendHistory): when, where to, who ran it, how it ended and the counts. No subscriber data.</summary>
public sealed class SendHistoryEntry
{
    internal SendHistoryEntry(Core.Send.History.SendHistoryEntry entry)
    {
        StartTime = entry.StartTime.LocalDateTime;
        Duration = entry.Duration;
        Destination = entry.Destination;
        DataTemplate = entry.DataTemplate;
        ListId = entry.ListId;
        Machine = entry.Machine;
        Account = entry.Account;
        Status = entry.Status.ToString();
        Received = entry.Received;
        New = entry.New;
        Existing = entry.Existing;
        Duplicates = entry.Duplicates;
        Rejected = entry.Rejected;
        Failed = entry.Failed;
        Skipped = entry.Skipped;
        Unchanged = entry.Unchanged;
        Removed = entry.Removed;
        RemoveFailed = entry.RemoveFailed;
        Modes = entry.Modes.ToArray();
        Error = entry.Error;
    }

    /// <summary>When the send started, in this computer's time zone.</summary>
    public DateTime StartTime { get; }
    public TimeSpan Duration { get; }
    public string Destination { get; }
    public string? DataTemplate { get; }
    public string? ListId { get; }
    /// <summary>The computer the send ran on.</summary>
    public string Machine { get; }
    /// <summary>The account that ran it.</summary>
    public string Account { get; }
    /// <summary>Completed, Failed (rows not delivered, or a terminating error) or Stopped.</summary>
    public string Status { get; }
    public long Received { get; }
    public long New { get; }
    public long Existing { get; }
    public long Duplicates { get; }
    public long Rejected { get; }
    public long Failed { get; }
    public long Skipped { get; }
    public long Unchanged { get; }
    public long Removed { get; }
    public long RemoveFailed { get; }
    /// <summary>The switches that changed what the send did: Mirror, Incremental, Resync, Checkpoint, Resubscribe.</summary>
    public string[] Modes { get; }
    /// <summary>The message of the error that ended the send, if one did (addresses replaced by [address]).</summary>
    public string? Error { get; }
}
