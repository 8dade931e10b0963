using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CampaignMonitor.Sandbox.Endpoints;

namespace CampaignMonitor.Sandbox.Faults;

/// <summary>
/// In front of every request: logs it, checks HTTP Basic auth, and (for API requests) applies the configured
/// faults. Fault decisions come from the seed, the request itself and how many times it has been seen, never from
/// arrival order, so concurrent clients get the same faults run after run.
/// </summary>
internal sealed class FaultMiddleware
{
    public const string BodyItem = "cm.body";
    private const string StartedItem = "cm.started";
    private const string LoggedItem = "cm.logged";
    public const string ApiPrefix = "/api/v3.3";

    private readonly RequestDelegate _next;
    private readonly RequestLog _log;
    private readonly FaultControl _faults;
    private readonly byte[] _apiKey;

    public FaultMiddleware(RequestDelegate next, RequestLog log, FaultControl faults, SandboxIdentity identity)
    {
        _next = next;
        _log = log;
        _faults = faults;
        _apiKey = Encoding.UTF8.GetBytes(identity.ApiKey);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        // The log is of API traffic: the sandbox's own controls would only clutter it.
        var isAdmin = context.Request.Path.StartsWithSegments("/_sandbox", StringComparison.OrdinalIgnoreCase);
        if (!isAdmin)
        {
            // Logged before the client can see the answer (or the drop), so a client that reads the log next finds it.
            context.Items[StartedItem] = started;
            context.Response.OnStarting(() =>
            {
                Log(context);
                return Task.CompletedTask;
            });
        }
        try
        {
            await HandleAsync(context);
        }
        finally
        {
            // The body's buffer was rented for this request only: the endpoints are done with it.
            if (context.Items[BodyItem] is ArraySegment<byte> { Array: { Length: > 0 } rented })
                ArrayPool<byte>.Shared.Return(rented);
            if (!isAdmin)
                Log(context); // an answer that never started (a client gone) is logged here
        }
    }

    /// <summary>Adds the request to the log, once.</summary>
    private void Log(HttpContext context)
    {
        if (context.Items.ContainsKey(LoggedItem))
            return;
        context.Items[LoggedItem] = true;
        var fault = context.Items[RequestLog.FaultItem] as string ?? "";
        _log.Add(sequence => new RequestLogEntry(sequence, DateTime.UtcNow, context.Request.Method, context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "", fault.StartsWith("drop", StringComparison.Ordinal) ? 0 : context.Response.StatusCode,
            Stopwatch.GetElapsedTime((long)context.Items[StartedItem]!).TotalMilliseconds, context.Items[RequestLog.BatchSizeItem] as int?, fault,
            context.Items[RequestLog.AttemptItem] as int? ?? 1, context.Response.Headers.ContentEncoding.ToString()));
    }

    /// <summary>Drops the connection, after logging the request (the client sees the drop at once).</summary>
    private void Drop(HttpContext context)
    {
        Log(context);
        context.Abort();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var isApi = path.StartsWith(ApiPrefix + "/", StringComparison.OrdinalIgnoreCase);
        var body = await ReadBodyAsync(context.Request);
        context.Items[BodyItem] = body;
        if (!isApi)
        {
            if (Authenticate(context) is { } refusal)
                await refusal.ExecuteAsync(context);
            else
                await _next(context);
            return;
        }

        var settings = _faults.Current;
        var fingerprint = Fingerprint(context.Request, body);
        var attempt = _faults.NextAttempt(fingerprint);
        context.Items[RequestLog.AttemptItem] = attempt;
        var applies = string.IsNullOrEmpty(settings.PathContains) || path.Contains(settings.PathContains, StringComparison.OrdinalIgnoreCase);

        if (applies && settings.RateLimit > 0 && _faults.OverRateLimit(settings, out var resetSeconds))
        {
            context.Items[RequestLog.FaultItem] = "429";
            if (settings.RateLimitHeaders == "Always" || (settings.RateLimitHeaders == "Sometimes" && Chance(settings.Seed, fingerprint, attempt, 5) < 0.5))
            {
                var reset = Math.Max(1, (int)Math.Ceiling(resetSeconds)).ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["Retry-After"] = reset;
                context.Response.Headers["X-RateLimit-Limit"] = settings.RateLimit.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                context.Response.Headers["X-RateLimit-Reset"] = reset;
            }
            await ApiResults.Error(429, "Rate limit exceeded", StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
            return;
        }

        if (applies)
        {
            var latency = settings.LatencyMs;
            if (settings.SlowRate > 0 && Chance(settings.Seed, fingerprint, attempt, 4) < settings.SlowRate)
            {
                latency += settings.SlowLatencyMs;
                context.Items[RequestLog.FaultItem] = "slow";
            }
            if (latency > 0)
            {
                try { await Task.Delay(latency, context.RequestAborted); }
                catch (OperationCanceledException) { context.Items[RequestLog.FaultItem] = "client-gone"; return; }
            }
            if (settings.ErrorRate > 0 && Chance(settings.Seed, fingerprint, attempt, 1) < settings.ErrorRate)
            {
                context.Items[RequestLog.FaultItem] = "500";
                await ApiResults.Error(500, "Internal Server Error", StatusCodes.Status500InternalServerError).ExecuteAsync(context);
                return;
            }
            if (settings.DropBeforeRate > 0 && Chance(settings.Seed, fingerprint, attempt, 2) < settings.DropBeforeRate)
            {
                context.Items[RequestLog.FaultItem] = "drop-before";
                Drop(context);
                return;
            }
        }

        if (Authenticate(context) is { } denied)
        {
            await denied.ExecuteAsync(context);
            return;
        }

        if (applies && settings.DropAfterRate > 0 && Chance(settings.Seed, fingerprint, attempt, 3) < settings.DropAfterRate)
        {
            // Apply the request, then lose the answer.
            context.Items[RequestLog.FaultItem] = "drop-after";
            var original = context.Response.Body;
            context.Response.Body = Stream.Null;
            try { await _next(context); }
            finally { context.Response.Body = original; }
            Drop(context);
            return;
        }
        await _next(context);
    }

    /// <summary>401 with the API's code 50 (no usable Basic header) or 100 (wrong key); null when the key is right.</summary>
    private IResult? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return ApiResults.Error(50, "Must supply a valid HTTP Basic Authorization header", StatusCodes.Status401Unauthorized);
        byte[] decoded;
        try { decoded = Convert.FromBase64String(header[6..].Trim()); }
        catch (FormatException) { return ApiResults.Error(50, "Must supply a valid HTTP Basic Authorization header", StatusCodes.Status401Unauthorized); }
        var colon = Array.IndexOf(decoded, (byte)':');
        var user = colon < 0 ? decoded : decoded[..colon];
        return CryptographicOperations.FixedTimeEquals(user, _apiKey)
            ? null
            : ApiResults.Error(100, "Invalid API Key", StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// The whole body, in a buffer rented from the shared pool (returned when the request ends): an import body is a
    /// few hundred kilobytes, and a fresh array for each would be a large-object-heap allocation per request.
    /// </summary>
    private static async Task<ArraySegment<byte>> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
            return ArraySegment<byte>.Empty;
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is > 0 and < 64 * 1024 * 1024 ? (int)request.ContentLength.Value : 4096);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted);
                if (read == 0)
                    return new ArraySegment<byte>(buffer, 0, length);
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>FNV-1a over method, path, query and body: the request's identity, stable across runs and processes.</summary>
    private static ulong Fingerprint(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var hash = 14695981039346656037UL;
        static ulong Add(ulong hash, ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
                hash = (hash ^ b) * 1099511628211UL;
            return hash;
        }
        hash = Add(hash, Encoding.UTF8.GetBytes(request.Method + " " + request.Path.Value?.ToLowerInvariant() + request.QueryString.Value));
        return Add(hash, body);
    }

    /// <summary>A number in [0, 1) decided by the seed, the request, its attempt and which fault is being decided.</summary>
    internal static double Chance(int seed, ulong fingerprint, int attempt, int salt)
    {
        var x = fingerprint ^ ((ulong)(uint)seed << 32) ^ ((ulong)attempt * 0x9E3779B97F4A7C15UL) ^ ((ulong)salt * 0xD1B54A32D192ED03UL);
        // splitmix64 finaliser: spreads every input bit over the output.
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
