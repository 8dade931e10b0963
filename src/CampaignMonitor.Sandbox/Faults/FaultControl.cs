using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CampaignMonitor.Sandbox.Endpoints;

namespace CampaignMonitor.Sandbox.Faults;

/// <summary>The current fault settings, the per-request attempt counts and the rate limit window.</summary>
internal sealed class FaultControl
{
    private readonly ConcurrentDictionary<ulong, int> _attempts = new();
    private readonly object _windowLock = new();
    private readonly TimeProvider _time;
    private long _windowStartTicks;
    private int _windowCount;

    public FaultControl(FaultSettings initial, TimeProvider time)
    {
        Current = initial;
        _time = time;
    }

    public FaultSettings Current { get; private set; }

    public void Set(FaultSettings settings)
    {
        Current = settings;
        _attempts.Clear();
        lock (_windowLock)
            _windowCount = 0;
    }

    public int NextAttempt(ulong fingerprint) => _attempts.AddOrUpdate(fingerprint, 1, (_, n) => n + 1);

    /// <summary>Fixed windows: true (with the seconds until the window ends) when this request is over the limit.</summary>
    public bool OverRateLimit(FaultSettings settings, out double resetSeconds)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var window = (long)(settings.RateLimitWindowSeconds * TimeSpan.TicksPerSecond);
        lock (_windowLock)
        {
            if (now - _windowStartTicks >= window)
            {
                _windowStartTicks = now - (now % window);
                _windowCount = 0;
            }
            _windowCount++;
            resetSeconds = (double)(_windowStartTicks + window - now) / TimeSpan.TicksPerSecond;
            return _windowCount > settings.RateLimit;
        }
    }
}
