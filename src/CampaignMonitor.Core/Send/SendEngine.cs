using CampaignMonitor.Core.Send.Events;
using CampaignMonitor.Core.Send.Incremental;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// Owns one send: rows go in (<see cref="Accept"/>), are mapped and checked by the plan, found to repeat an earlier
/// address or not, skipped when a checkpoint had them confirmed, left out when an incremental state has them
/// unchanged, and gathered into batches that go out concurrently;
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
    private readonly FingerprintSet _seen = new();
    private readonly SendTally _tally = new();
    private readonly Queue<SendEvent> _events = new();
    private readonly IncrementalState? _state;
    private readonly SentValues? _sentValues;
    private readonly FingerprintSet? _activeMembers;
    private readonly FingerprintSet? _refusedAddresses;
    private SendCheckpoint? _checkpoint;
    private HeldBatch? _held;
    private bool _stateSaved;
    private bool _circuitOpened;
    private volatile bool _stopped;

    /// <param name="plan">How rows are mapped and checked.</param>
    /// <param name="target">Where batches go; null for a dry run (-WhatIf): rows are checked and counted, nothing is sent.</param>
    /// <param name="checkpoint">Rows it holds were confirmed by an earlier run: counted as skipped, not sent. The engine records confirmed batches in it.</param>
    /// <param name="state">-Incremental: rows whose address and values it holds count as unchanged, not sent; confirmed rows are recorded in it, and it is saved when the send ends.</param>
    /// <param name="mirror">-Mirror: the addresses of refused rows are kept too (<see cref="InInput"/>).</param>
    /// <param name="activeMembers">-Mirror with -Incremental: the list's Active members before the send; an unchanged row whose address is not among them is sent anyway.</param>
    public SendEngine(RowPlan plan, SendTarget? target, SendCheckpoint? checkpoint = null, IncrementalState? state = null, bool mirror = false, FingerprintSet? activeMembers = null)
    {
        Plan = plan;
        _sender = target is null ? null : new ImportSender(target, plan.InputColumns.Count);
        _checkpoint = checkpoint;
        _state = state;
        _sentValues = state is null ? null : new SentValues(plan);
        _activeMembers = activeMembers;
        _refusedAddresses = mirror ? new FingerprintSet() : null;
    }

    /// <summary>
    /// -Mirror's "in the input": the address of any row, sent, repeated, unchanged, skipped by a checkpoint, or
    /// rejected (by our checks or the API) while well-formed.
    /// </summary>
    public bool InInput(ulong address) => _seen.Contains(address) || _refusedAddresses?.Contains(address) == true;

    /// <summary>-Mirror removed this address from the list: it leaves the incremental state.</summary>
    public void Removed(string email) => _state?.Removed(EmailRule.Fingerprint(email));

    /// <summary>Why the incremental state could not be saved at the end of the send (null when it was, or there is none).</summary>
    public string? StateProblem { get; private set; }

    public RowPlan Plan { get; }

    public bool DryRun => _sender is null;

    /// <summary>The counts so far; once <see cref="FinishAsync"/> has completed and every event was taken, the final ones.</summary>
    public SendSummary Summary => _tally.Summary(DryRun, _circuitOpened);

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
            // A member whose row has a bad value is still in the audience: -Mirror must not remove them.
            if (_refusedAddresses is not null && Plan.EmailOf(row) is var email && EmailRule.IsWellFormed(email))
                _refusedAddresses.Add(EmailRule.Fingerprint(email));
            _events.Enqueue(new RowRejected(_tally.Refuse(rowNumber, Plan.EmailOf(row), refusal, row)));
            return Task.CompletedTask;
        }
        var pending = new PendingRow(rowNumber, mapped.Record!, row);
        pending.IsDuplicate = !_seen.Add(pending.Fingerprint);
        if (_sentValues is not null)
            pending.ValuesFingerprint = _sentValues.Of(mapped.Record!);
        if (_held is not null && rowNumber > _held.Batch.Last)
            return ReleaseHeldThenAsync(pending, cancellationToken);
        return Take(pending, cancellationToken);
    }

    /// <summary>Sends what is left and completes when every batch has come back (take the events after it).</summary>
    public async Task FinishAsync(CancellationToken cancellationToken = default)
    {
        if (_held is not null)
            await ReleaseHeldAsync(cancellationToken).ConfigureAwait(false);
        if (_sender is not null)
            await _sender.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After <see cref="FinishAsync"/> and the last events: a send that ended complete (nothing failed, not stopped)
    /// deletes its checkpoint; any other keeps it for the rerun.
    /// </summary>
    public void Close()
    {
        var summary = Summary;
        if (_checkpoint is not null && !DryRun && !_stopped && summary.Failed == 0 && summary.Accounted == summary.Received)
        {
            _checkpoint.Delete();
            _checkpoint = null;
        }
    }

    /// <summary>A row confirmed before (its position is in a checkpoint's batch) waits until that batch's rows are all in.</summary>
    private Task Take(PendingRow pending, CancellationToken cancellationToken)
    {
        if (_checkpoint?.BatchAt(pending.RowNumber) is { } confirmed)
        {
            (_held ??= new HeldBatch(confirmed)).Rows.Add(pending);
            return Task.CompletedTask;
        }
        return Forward(pending, cancellationToken);
    }

    private async Task ReleaseHeldThenAsync(PendingRow pending, CancellationToken cancellationToken)
    {
        await ReleaseHeldAsync(cancellationToken).ConfigureAwait(false);
        await Take(pending, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The rows at a confirmed batch's positions are all in: when they carry the addresses it was confirmed with,
    /// they are skipped (and a row that repeats one of them counts as the duplicate it was); otherwise every one of
    /// them is sent.
    /// </summary>
    private async Task ReleaseHeldAsync(CancellationToken cancellationToken)
    {
        var held = _held!;
        _held = null;
        var recorded = held.Rows.Where(r => held.Batch.Contains(r.RowNumber)).ToList();
        if (recorded.Count == held.Batch.RowCount && SendCheckpoint.Hash(recorded) == held.Batch.Hash)
        {
            var addresses = recorded.Select(r => r.Fingerprint).ToHashSet();
            foreach (var row in held.Rows)
            {
                if (held.Batch.Contains(row.RowNumber))
                    _tally.Skipped++;
                else if (addresses.Contains(row.Fingerprint))
                    _tally.Duplicates++;
                else
                    await Forward(row, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        foreach (var row in held.Rows)
            await Forward(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A valid row goes into the open batch (or, in a dry run, is counted as what the real send would do).</summary>
    private Task Forward(PendingRow pending, CancellationToken cancellationToken)
    {
        // With -Mirror, an unchanged row whose member is no longer active (changed in Campaign Monitor) is sent anyway.
        // A row repeating an earlier row's address is always sent: the earlier one may have been sent with other
        // values, and the later row must be what the list ends with.
        if (_state is not null && !pending.IsDuplicate && _state.IsUnchanged(pending.Fingerprint, pending.ValuesFingerprint)
            && (_activeMembers is null || _activeMembers.Contains(pending.Fingerprint)))
        {
            _tally.Unchanged++;
            return Task.CompletedTask;
        }
        if (_sender is null)
        {
            // What the real send would do with the row: import it, or import it as a repeat of an earlier address.
            if (pending.IsDuplicate)
                _tally.Duplicates++;
            else
                _tally.WouldSend++;
            return Task.CompletedTask;
        }
        if (_sender.Add(pending) is not null)
            _tally.Duplicates++; // an earlier row for the address in the same batch, replaced by this one
        return _sender.BatchIsFull ? _sender.DispatchAsync(cancellationToken) : Task.CompletedTask;
    }

    /// <summary>The next event, counting any batch that has come back; false when there is none now.</summary>
    public bool TryTakeEvent(out SendEvent sendEvent)
    {
        while (_events.Count == 0 && _sender is not null && _sender.Completed.TryDequeue(out var outcome))
            Count(outcome);
        return _events.TryDequeue(out sendEvent!);
    }

    /// <summary>Stops sending (any thread): batches not yet confirmed come back as stopped.</summary>
    public void Stop()
    {
        _stopped = true;
        _sender?.Stop();
    }

    private void Count(BatchOutcome outcome)
    {
        var rejections = _tally.Apply(outcome);
        if (outcome.Result is { } result)
        {
            // Recorded (and flushed) before the batch is reported: a kill after this line never sends it again.
            _checkpoint?.Record(outcome.Rows);
            RecordInState(outcome);
            _events.Enqueue(new BatchConfirmed(outcome.Number, outcome.Rows.Count, outcome.FirstRow, result.TotalNewSubscribers, rejections.Count, result.IsPartial, outcome.Duration));
        }
        else if (outcome.Error is CircuitOpenException open)
        {
            // Said once, not once per batch: the rest of the rows follow as not delivered.
            if (!_circuitOpened)
                _events.Enqueue(new CircuitOpened(outcome.Number, open.Message));
            _circuitOpened = true;
        }
        else
        {
            _events.Enqueue(new BatchFailed(outcome.Number, outcome.Rows.Count, outcome.FirstRow, outcome.Error?.Message ?? "not delivered", outcome.Cancelled));
        }
        foreach (var rejection in rejections)
            _events.Enqueue(new RowRejected(rejection));
        outcome.Texts?.Release(); // every rejection has its values by now
    }

    /// <summary>Puts a confirmed batch's imported rows (not those the API refused) into the incremental state.</summary>
    private void RecordInState(BatchOutcome outcome)
    {
        if (_state is null || outcome.Result is not { } result)
            return;
        var refused = result.FailureDetails.Select(f => f.EmailAddress.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in outcome.Rows)
        {
            if (!refused.Contains(row.EmailAddress))
                _state.Confirmed(row.Fingerprint, row.ValuesFingerprint, row.RowNumber);
        }
    }

    /// <summary>
    /// Writes the incremental state once, at the end of the send however it ended (confirmed rows only, after
    /// -Mirror's removals; <see cref="Dispose"/> does it for a send that was stopped); never in a dry run. A failure
    /// is kept in <see cref="StateProblem"/>: the send itself is not undone by it.
    /// </summary>
    public void SaveState()
    {
        if (_state is null || DryRun || _stateSaved)
            return;
        _stateSaved = true;
        try
        {
            _state.Save();
        }
        catch (SendException ex)
        {
            StateProblem = ex.Message;
        }
    }

    public void Dispose()
    {
        // A send that was stopped or ended by an error: batches confirmed but not yet counted still go into the state.
        if (_state is not null && _sender is not null && !_stateSaved)
        {
            while (_sender.Completed.TryDequeue(out var outcome))
                RecordInState(outcome);
            SaveState();
        }
        _sender?.Dispose();
        _checkpoint?.Dispose();
    }
}
