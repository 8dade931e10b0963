namespace CampaignMonitor.Core.Tests.Support;

/// <summary>A clock that only moves when the test says so: timers fire in <see cref="Advance"/>.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<ManualTimer> _timers = new();
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Waiting timers due within <paramref name="within"/> of now.</summary>
    public int PendingWithin(TimeSpan within)
    {
        lock (_lock) return _timers.Count(t => t.Due <= _now + within);
    }

    /// <summary>Blocks (in real time, briefly) until the code under test has started a wait of about this length.</summary>
    public void WaitForTimer(TimeSpan dueIn, TimeSpan tolerance)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            lock (_lock)
            {
                if (_timers.Any(t => (t.Due - _now - dueIn).Duration() <= tolerance))
                    return;
            }
            Thread.Sleep(5);
        }
        throw new TimeoutException($"No timer of {dueIn} was started.");
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_lock)
        {
            _now += by;
            due = _timers.Where(t => t.Due <= _now).ToList();
            foreach (var timer in due)
                _timers.Remove(timer);
        }
        foreach (var timer in due)
            timer.Fire();
    }

    private sealed class ManualTimer : ITimer
    {
        private readonly ManualTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;

        public ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_owner._lock)
            {
                _owner._timers.Remove(this);
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    Due = _owner._now + dueTime;
                    _owner._timers.Add(this);
                }
            }
            return true;
        }

        public void Fire() => ThreadPool.QueueUserWorkItem(_ => _callback(_state));

        public void Dispose()
        {
            lock (_owner._lock) _owner._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
