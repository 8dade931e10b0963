using CampaignMonitor.Core.Send.Events;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// Owns one send: rows go in (<see cref="Accept"/>), are mapped and checked by the plan, found to repeat an earlier
/// address or not, skipped when a checkpoint had them confirmed, and gathered into batches that go out concurrently;
/// events come out (<see cref="TryTakeEvent"/>) and the counts are kept (<see cref="Summary"/>).
/// <para>
/// Not thread-safe by design: one caller thread gives rows and takes events (a cmdlet's pipeline thread); the
/// batches travel on background tasks and come back through a queue that <see cref="TryTakeEvent"/> drains, so the
/// counts and the checkpoint change on the caller's thread only. <see cref="Stop"/> may be called from any thread.
/// </para>
/// </summary>
internal sealed class SendEngine : IDisposable
{
    private readonly ImportSender? _sender;
    private readonly SendCheckpoint? _checkpoint;
    private readonly FingerprintSet _seen = new();
    private readonly SendTally _tally = new();
    private readonly Queue<SendEvent> _events = new();
    private bool _toldCircuitOpen;

    /// <param name="plan">How rows are mapped and checked.</param>
    /// <param name="target">Where batches go; null for a dry run (-WhatIf): rows are checked and counted, nothing is sent.</param>
    /// <param name="checkpoint">Rows it holds were confirmed by an earlier run: counted as skipped, not sent. The engine records confirmed batches in it.</param>
    public SendEngine(RowPlan plan, SendTarget? target, SendCheckpoint? checkpoint = null)
    {
        Plan = plan;
        _sender = target is null ? null : new ImportSender(target);
        _checkpoint = checkpoint;
    }

    public RowPlan Plan { get; }

    public bool DryRun => _sender is null;

    /// <summary>The counts so far; once <see cref="FinishAsync"/> has completed and every event was taken, the final ones.</summary>
    public SendSummary Summary => _tally.Summary(DryRun);

    /// <summary>
    /// Takes one row. The returned task completes when the next row may be given: at once, unless a full batch had
    /// to wait for a free sender (back-pressure, which keeps memory flat whatever the input's length). Take events
    /// while waiting: answers that free a sender arrive as events.
    /// </summary>
    public Task Accept(long rowNumber, RowValues row, CancellationToken cancellationToken = default)
    {
        _tally.Received++;
        var mapped = Plan.Map(row);
        if (mapped.Refusal is { } refusal)
        {
            _events.Enqueue(new RowRejected(_tally.Refuse(rowNumber, Plan.EmailOf(row), refusal, row)));
            return Task.CompletedTask;
        }
        var pending = new PendingRow(rowNumber, mapped.Record!, row);
        pending.IsDuplicate = !_seen.Add(pending.Fingerprint);
        if (_sender is null || (_checkpoint?.Contains(rowNumber) ?? false))
        {
            _tally.Skipped++;
            return Task.CompletedTask;
        }
        if (_sender.Add(pending) is not null)
            _tally.Duplicates++; // an earlier row for the address in the same batch, replaced by this one
        return _sender.BatchIsFull ? _sender.DispatchAsync(cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Sends what is left and completes when every batch has come back (take the events after it).</summary>
    public Task FinishAsync(CancellationToken cancellationToken = default) => _sender?.FinishAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>The next event, counting any batch that has come back; false when there is none now.</summary>
    public bool TryTakeEvent(out SendEvent sendEvent)
    {
        while (_events.Count == 0 && _sender is not null && _sender.Completed.TryDequeue(out var outcome))
            Count(outcome);
        return _events.TryDequeue(out sendEvent!);
    }

    /// <summary>Stops sending (any thread): batches not yet confirmed come back as stopped.</summary>
    public void Stop() => _sender?.Stop();

    private void Count(BatchOutcome outcome)
    {
        var rejections = _tally.Apply(outcome);
        if (outcome.Result is { } result)
        {
            // Recorded (and flushed) before the batch is reported: a kill after this line never sends it again.
            _checkpoint?.Record(outcome.Rows.Select(r => r.RowNumber));
            _events.Enqueue(new BatchConfirmed(outcome.Number, outcome.Rows.Count, outcome.FirstRow, result.TotalNewSubscribers, rejections.Count, result.IsPartial, outcome.Duration));
        }
        else if (outcome.Error is CircuitOpenException open)
        {
            // Said once, not once per batch: the rest of the rows follow as not delivered.
            if (!_toldCircuitOpen)
                _events.Enqueue(new CircuitOpened(outcome.Number, open.Message));
            _toldCircuitOpen = true;
        }
        else
        {
            _events.Enqueue(new BatchFailed(outcome.Number, outcome.Rows.Count, outcome.FirstRow, outcome.Error?.Message ?? "not delivered", outcome.Cancelled));
        }
        foreach (var rejection in rejections)
            _events.Enqueue(new RowRejected(rejection));
    }

    public void Dispose()
    {
        _sender?.Dispose();
        _checkpoint?.Dispose();
    }
}
