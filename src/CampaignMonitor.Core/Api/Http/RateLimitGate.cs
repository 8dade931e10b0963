namespace CampaignMonitor.Core.Api.Http;

/// <summary>
/// Shared by every request of one client: when the API says 429, no request of this client goes out until the
/// wait it asked for has passed. So concurrent senders back off together instead of each one hammering on.
/// </summary>
internal sealed class RateLimitGate
{
    private readonly TimeProvider _time;
    private long _notBeforeTicks;

    public RateLimitGate(TimeProvider time) => _time = time;

    public void Defer(TimeSpan wait)
    {
        var until = _time.GetUtcNow().Add(wait).UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _notBeforeTicks)) < until)
        {
            if (Interlocked.CompareExchange(ref _notBeforeTicks, until, seen) == seen)
                break;
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var remaining = new DateTimeOffset(Interlocked.Read(ref _notBeforeTicks), TimeSpan.Zero) - _time.GetUtcNow();
        return remaining > TimeSpan.Zero ? Task.Delay(remaining, _time, cancellationToken) : Task.CompletedTask;
    }
}
