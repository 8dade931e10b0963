namespace CampaignMonitor.Core.Sync;

/// <summary>
/// One send, row by row, on the caller's thread: map and check each row, count it, and hand the valid ones to the
/// <see cref="ImportSender"/> (or, in a dry run, count them as skipped). Duplicates are found across the whole input
/// by a 64-bit fingerprint of each address, so a million rows cost a few megabytes, not the addresses themselves.
/// </summary>
public sealed class SubscriberSync
{
    private readonly RowPlan _plan;
    private readonly ImportSender? _sender;
    private readonly FingerprintSet _seen = new();

    private readonly SendCheckpoint? _checkpoint;

    /// <param name="sender">Null for a dry run (-WhatIf): rows are checked and counted, nothing is sent.</param>
    /// <param name="checkpoint">Rows it holds were confirmed by an earlier run: they are counted as skipped, not sent.</param>
    public SubscriberSync(RowPlan plan, ImportSender? sender, SendCheckpoint? checkpoint = null)
    {
        _plan = plan;
        _sender = sender;
        _checkpoint = checkpoint;
    }

    public SendTally Tally { get; } = new();

    public bool DryRun => _sender is null;

    /// <summary>True when a full batch is waiting to be dispatched.</summary>
    public bool BatchIsFull => _sender?.BatchIsFull ?? false;

    /// <summary>Takes one row. Returns the problem when our checks refuse it (it never reaches the API), else null.</summary>
    /// <param name="source">The row, the target of its problem when our checks refuse it.</param>
    /// <param name="keep">What a row sent in a batch keeps of itself until its batch is answered (the source when null).</param>
    public RowProblem? Accept(long rowNumber, ReadOnlySpan<object?> values, object? source, object? keep = null)
    {
        Tally.Received++;
        var mapped = _plan.Map(values);
        if (mapped.Reject is { } reject)
            return Tally.RejectLocally(rowNumber, InputValue.IsScalar(values[_plan.EmailIndex]) ? InputValue.Text(values[_plan.EmailIndex]).Trim() : "", reject, source);
        var row = new PendingRow(rowNumber, mapped.Record!, keep ?? source);
        row.IsDuplicate = !_seen.Add(row.Fingerprint);
        if (_sender is null || (_checkpoint?.Contains(rowNumber) ?? false))
        {
            Tally.Skipped++;
            return null;
        }
        if (_sender.Add(row) is not null)
            Tally.Duplicates++; // an earlier row for the address in the same batch, replaced by this one
        return null;
    }
}
