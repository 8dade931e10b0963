namespace CampaignMonitor.Sandbox.Faults;

/// <summary>The most recent requests, for tests to read (GET /_sandbox/requests).</summary>
internal sealed class RequestLog
{
    public const string BatchSizeItem = "cm.batchSize";
    public const string FaultItem = "cm.fault";
    public const string AttemptItem = "cm.attempt";
    private const int Capacity = 200_000;

    private readonly object _lock = new();
    private readonly Queue<RequestLogEntry> _entries = new();
    private long _sequence;

    public void Add(Func<long, RequestLogEntry> entry)
    {
        lock (_lock)
        {
            _entries.Enqueue(entry(++_sequence));
            if (_entries.Count > Capacity)
                _entries.Dequeue();
        }
    }

    public IReadOnlyList<RequestLogEntry> After(long sequence)
    {
        lock (_lock)
            return _entries.Where(e => e.Sequence > sequence).ToList();
    }

    public void Clear()
    {
        lock (_lock)
            _entries.Clear();
    }
}
