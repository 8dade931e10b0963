namespace CampaignMonitor.Core.Tests.Support;

/// <summary>
/// A clock for retry tests: every wait shorter than <see cref="Horizon"/> completes at once and moves the
/// virtual clock on by its length (and is recorded); longer ones (the per-attempt timeouts) never fire.
/// So a test sees exactly which delays the client asked for, without sleeping through them.
/// </summary>
public sealed class InstantTimeProvider : TimeProvider
{
    public static readonly TimeSpan Horizon = TimeSpan.FromMinutes(30);

    private readonly object _lock = new();
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays
    {
        get { lock (_lock) return _delays.ToArray(); }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime >= TimeSpan.Zero && dueTime < Horizon)
        {
            lock (_lock)
            {
                _delays.Add(dueTime);
                _now += dueTime;
            }
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => default;
    }
}
