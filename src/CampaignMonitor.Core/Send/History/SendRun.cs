namespace CampaignMonitor.Core.Send.History;

/// <summary>
/// What a send tells the run history as it goes: started (the moment it may reach the API), and how it ended. It
/// is recorded once, by whichever end comes first; a send that never started (a dry run, no input, refused before
/// any API call) is not recorded.
/// </summary>
internal sealed class SendRun
{
    private readonly SendHistoryStore _history;
    private readonly SendContext _context;
    private readonly IReadOnlyList<string> _modes;
    private DateTimeOffset? _started;
    private int _recorded;

    public SendRun(SendHistoryStore history, SendContext context, IReadOnlyList<string> modes)
    {
        _history = history;
        _context = context;
        _modes = modes;
    }

    public void Started(DateTimeOffset now) => _started ??= now;

    /// <summary>
    /// Records the run once it has started: Stopped when stopped, Failed with an error or rows not delivered,
    /// Completed otherwise. False when there was nothing to record (or it was already).
    /// </summary>
    public bool Record(DateTimeOffset now, string? listId, SendSummary? summary, Mirror.MirrorReport? mirror, bool stopped, string? error)
    {
        if (_started is not { } started || Interlocked.Exchange(ref _recorded, 1) == 1)
            return false;
        var status = stopped ? SendRunStatus.Stopped
            : error is not null || summary is { Failed: > 0 } || mirror is { RemoveFailed: > 0 } ? SendRunStatus.Failed
            : SendRunStatus.Completed;
        _history.Append(new SendHistoryEntry
        {
            StartTime = started,
            Duration = now - started,
            Destination = _context.Destination.Name,
            DataTemplate = _context.Template?.Name,
            ListId = listId,
            Machine = Environment.MachineName,
            Account = OperatingSystem.IsWindows() ? $@"{Environment.UserDomainName}\{Environment.UserName}" : Environment.UserName,
            Status = status,
            Received = summary?.Received ?? 0,
            New = summary?.New ?? 0,
            Existing = summary?.Existing ?? 0,
            Duplicates = summary?.Duplicates ?? 0,
            Rejected = summary?.Rejected ?? 0,
            Failed = summary?.Failed ?? 0,
            Skipped = summary?.Skipped ?? 0,
            Unchanged = summary?.Unchanged ?? 0,
            Removed = mirror?.Removed ?? 0,
            RemoveFailed = mirror?.RemoveFailed ?? 0,
            Modes = _modes,
            Error = error,
        });
        return true;
    }
}
