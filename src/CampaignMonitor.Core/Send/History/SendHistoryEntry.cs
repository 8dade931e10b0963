namespace CampaignMonitor.Core.Send.History;

/// <summary>
/// One line of the run history: when, where to, who ran it, how it ended and the counts. It holds no subscriber
/// data: no addresses, names or values (an error message is stored with any address in it replaced).
/// </summary>
internal sealed record SendHistoryEntry
{
    public DateTimeOffset StartTime { get; init; }
    public TimeSpan Duration { get; init; }
    public string Destination { get; init; } = "";
    public string? DataTemplate { get; init; }
    public string? ListId { get; init; }
    public string Machine { get; init; } = "";
    public string Account { get; init; } = "";
    public SendRunStatus Status { get; init; }
    public long Received { get; init; }
    public long New { get; init; }
    public long Existing { get; init; }
    public long Duplicates { get; init; }
    public long Rejected { get; init; }
    public long Failed { get; init; }
    public long Skipped { get; init; }
    public long Unchanged { get; init; }
    public long Removed { get; init; }
    public long RemoveFailed { get; init; }
    /// <summary>The switches that change what a send does: Mirror, Incremental, Resync, Checkpoint, Resubscribe.</summary>
    public IReadOnlyList<string> Modes { get; init; } = Array.Empty<string>();
    public string? Error { get; init; }
}
