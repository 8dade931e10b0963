using System.Collections.Concurrent;
using System.Diagnostics;
using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// Gathers valid rows into import batches and sends up to <c>maxConcurrency</c> of them at once while more rows
/// stream in. A batch never overtakes an earlier batch still in flight that carries one of its addresses, so the
/// later row for an address always wins. Results come back through <see cref="Completed"/>, for the
/// <see cref="SendEngine"/> to count on its caller's thread.
/// </summary>
internal sealed class ImportSender : IDisposable
{
    private readonly CampaignMonitorClient _client;
    private readonly string _listId;
    private readonly ImportFlags _flags;
    private readonly int _batchSize;
    private readonly int _inputColumns;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _inFlightLock = new();
    private readonly Dictionary<ulong, Task> _inFlightByAddress = new();
    private readonly List<Task> _running = new();
    private List<PendingRow> _open;
    private Dictionary<ulong, int> _openIndex;
    private int _batchNumber;
    private int _failuresInARow;

    /// <summary>
    /// After this many batches in a row could not be delivered (every retry spent), the API is taken to be down:
    /// the rest fail at once instead of each spending minutes on retries. A permanent outage ends in bounded time.
    /// </summary>
    public const int CircuitBreakAfter = 3;

    /// <summary>True once <see cref="CircuitBreakAfter"/> batches failed in a row; nothing more is sent.</summary>
    public bool CircuitOpen => Volatile.Read(ref _failuresInARow) >= CircuitBreakAfter;

    /// <param name="inputColumns">How many of a row's values are input columns (what a reject file needs of a row in flight).</param>
    public ImportSender(SendTarget target, int inputColumns)
    {
        var (client, listId, flags, batchSize, maxConcurrency) = target;
        if (batchSize is < 1 or > ImportSubscribersRequest.MaxSubscribers)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds 1 to 1000 rows.");
        if (maxConcurrency < 1)
            throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "At least one batch must be allowed in flight.");
        _client = client;
        _listId = listId;
        _flags = flags;
        _batchSize = batchSize;
        _inputColumns = inputColumns;
        _slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        _open = new List<PendingRow>(batchSize);
        _openIndex = new Dictionary<ulong, int>(batchSize);
    }

    /// <summary>Finished batches, in the order they finished.</summary>
    public ConcurrentQueue<BatchOutcome> Completed { get; } = new();

    public bool BatchIsFull => _open.Count >= _batchSize;

    /// <summary>
    /// Adds a row to the open batch. When the open batch already has the address, the new row takes its place (the
    /// later row wins within a batch too) and the replaced row is returned, to be counted as a duplicate.
    /// </summary>
    public PendingRow? Add(PendingRow row)
    {
        if (_openIndex.TryGetValue(row.Fingerprint, out var index))
        {
            var replaced = _open[index];
            _open[index] = row;
            row.IsDuplicate = replaced.IsDuplicate;
            return replaced;
        }
        _openIndex[row.Fingerprint] = _open.Count;
        _open.Add(row);
        return null;
    }

    /// <summary>
    /// Hands the open batch to a sender. The returned task completes once a sender slot was free: callers wait on it,
    /// which is what keeps memory flat however long the input (back-pressure).
    /// </summary>
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        if (_open.Count == 0)
            return;
        var rows = _open;
        _open = new List<PendingRow>(_batchSize);
        _openIndex = new Dictionary<ulong, int>(_batchSize);
        var number = ++_batchNumber;
        // Serialized on a worker while the batch waits for a sender slot: the slot is then held for the round trip
        // alone, and the next request leaves as soon as an answer frees one.
        var request = new ImportSubscribersRequest
        {
            Subscribers = rows.Select(r => r.Record!).ToList(),
            Resubscribe = _flags.Resubscribe,
            QueueSubscriptionBasedAutoResponders = _flags.QueueAutoresponders,
            RestartSubscriptionBasedAutoresponders = _flags.RestartAutoresponders,
        };
        // Once the body holds the rows, they keep only their packed input values (see BatchTexts).
        var prepared = Task.Run(() =>
        {
            var body = _client.PrepareImport(request);
            foreach (var row in rows)
                row.Serialized();
            return (Body: body, Texts: BatchTexts.Pack(rows, _inputColumns));
        }, CancellationToken.None);
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _ = prepared.ContinueWith(t => t.Result.Body.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task[] earlier;
        lock (_inFlightLock)
        {
            earlier = rows.Select(r => _inFlightByAddress.GetValueOrDefault(r.Fingerprint)).OfType<Task>().Distinct().ToArray();
            foreach (var row in rows)
                _inFlightByAddress[row.Fingerprint] = started.Task;
        }
        // Started here, not queued to another thread: the request leaves as soon as the slot is free (the time from an
        // answer to the next request is the client's share of every round trip).
        var task = SendAsync(number, rows, prepared, earlier, started);
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    private async Task SendAsync(int number, List<PendingRow> rows, Task<(PreparedImport Body, BatchTexts? Texts)> prepared, Task[] earlier, TaskCompletionSource done)
    {
        var outcome = new BatchOutcome(number, rows);
        var watch = Stopwatch.StartNew();
        PreparedImport? import = null;
        try
        {
            (import, outcome.Texts) = await prepared.ConfigureAwait(false);
            if (earlier.Length > 0)
                await Task.WhenAll(earlier).ConfigureAwait(false);
            _stop.Token.ThrowIfCancellationRequested();
            if (CircuitOpen)
                throw new CircuitOpenException(CircuitBreakAfter);
            outcome.Result = await _client.ImportSubscribersAsync(_listId, import, _stop.Token).ConfigureAwait(false);
            Interlocked.Exchange(ref _failuresInARow, 0);
        }
        catch (CircuitOpenException ex)
        {
            outcome.Error = ex;
        }
        catch (OperationCanceledException)
        {
            outcome.Cancelled = true;
        }
        catch (Exception ex) when (ex is CampaignMonitorException or InvalidDataException or HttpRequestException)
        {
            outcome.Error = ex;
            if (ex is CampaignMonitorException { IsTransient: true })
                Interlocked.Increment(ref _failuresInARow);
        }
        finally
        {
            import?.Dispose();
            outcome.Duration = watch.Elapsed;
            lock (_inFlightLock)
            {
                foreach (var row in rows)
                {
                    if (_inFlightByAddress.TryGetValue(row.Fingerprint, out var owner) && owner == done.Task)
                        _inFlightByAddress.Remove(row.Fingerprint);
                }
            }
            Completed.Enqueue(outcome);
            _slots.Release();
            done.TrySetResult();
        }
    }

    /// <summary>Sends what is left and waits for every batch to come back.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await DispatchAsync(cancellationToken).ConfigureAwait(false);
        Task[] running;
        lock (_running)
            running = _running.ToArray();
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>Stops sending: batches not yet confirmed come back as cancelled.</summary>
    public void Stop()
    {
        try { _stop.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        _stop.Dispose();
        _slots.Dispose();
    }
}
