using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using CampaignMonitor.Core.Api.Errors;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CampaignMonitor.Core.Api.Http;

/// <summary>
/// Sends one API request: Basic auth, JSON, gzip, a per-attempt timeout, retries with backoff for what is
/// transient, and error responses turned into <see cref="CampaignMonitorException"/>s.
/// Thread-safe: one instance serves every concurrent sender.
/// </summary>
internal sealed class ApiTransport : IDisposable
{
    private static readonly ResiliencePropertyKey<CallState> CallStateKey = new("cm.call");

    private readonly HttpClient _http;
    private readonly CampaignMonitorClientOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly RateLimitGate _gate;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string[] _secretForms;
    private long _retryCount;

    public ApiTransport(CampaignMonitorClientOptions options, HttpMessageHandler? handler)
    {
        _options = options.Clone();
        if (string.IsNullOrWhiteSpace(_options.ApiKey))
            throw new ArgumentException("An API key is required.", nameof(options));
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.ApiKey + ":x"));
        _authorization = new AuthenticationHeaderValue("Basic", basic);
        _secretForms = new[] { _options.ApiKey, basic };
        _gate = new RateLimitGate(_options.TimeProvider);
        _http = new HttpClient(handler ?? CreateDefaultHandler(), disposeHandler: handler is null)
        {
            BaseAddress = _options.BaseUri,
            // Each attempt has its own timeout (the pipeline's); the HttpClient one would cut across retries.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent(_options.UserAgentComment));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _pipeline = BuildPipeline();
    }

    public event EventHandler<RetryEventArgs>? Retrying;

    public long RetryCount => Interlocked.Read(ref _retryCount);

    public Uri BaseUri => _options.BaseUri;

    internal static HttpMessageHandler CreateDefaultHandler() => new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 32,
        // Certificate validation is left exactly as .NET does it: never turned off.
    };

    internal static string UserAgent(string? comment)
    {
        var version = typeof(ApiTransport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        if (plus > 0)
            version = version[..plus];
        var extra = string.IsNullOrWhiteSpace(comment) ? "" : comment + "; ";
        return $"CampaignMonitor-PowerShell/{version} ({extra}.NET {Environment.Version}; createsend-api-v3.3)";
    }

    /// <summary>Sends the request and returns the body of a 2xx answer; throws for anything else.</summary>
    public async Task<string> SendAsync(HttpMethod method, string relativePath, ReadOnlyMemory<byte>? jsonBody, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(method, relativePath, jsonBody, acceptedErrorCode: null, cancellationToken).ConfigureAwait(false);
        return answer.Body;
    }

    /// <summary>
    /// Sends the request. A 2xx answer comes back with its body; so does an error answer whose code is
    /// <paramref name="acceptedErrorCode"/> (an import's 210), with its error body read once. Throws for anything else.
    /// </summary>
    public async Task<ApiAnswer> SendAsync(HttpMethod method, string relativePath, ReadOnlyMemory<byte>? jsonBody, int? acceptedErrorCode, CancellationToken cancellationToken)
    {
        var endpoint = EndpointName(method, relativePath);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var call = new CallState(method, relativePath, jsonBody, endpoint);
        context.Properties.Set(CallStateKey, call);
        try
        {
            Outcome<HttpResponseMessage> outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, transport) =>
                {
                    try
                    {
                        return Outcome.FromResult(await transport.SendOnceAsync(ctx).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                this).ConfigureAwait(false);

            if (outcome.Exception is not null)
                throw MapException(outcome.Exception, call, cancellationToken);

            using var response = outcome.Result!;
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return new ApiAnswer(body, null);
            var error = ApiErrorBody.Parse(body);
            if (acceptedErrorCode is not null && error.Code == acceptedErrorCode)
                return new ApiAnswer(body, error);
            throw Redacted(ApiErrorMapper.FromResponse(response.StatusCode, error, endpoint, call.Attempts, _options.BaseUri));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(ResilienceContext context)
    {
        var call = context.Properties.GetValue(CallStateKey, null!);
        await _gate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref call.Attempts);
        // A request message cannot be sent twice, so every attempt builds its own.
        using var request = new HttpRequestMessage(call.Method, call.RelativePath);
        request.Headers.Authorization = _authorization;
        if (call.JsonBody is { } body)
        {
            request.Content = new ReadOnlyMemoryContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        else if (call.Method == HttpMethod.Post || call.Method == HttpMethod.Put)
        {
            request.Content = new ByteArrayContent(Array.Empty<byte>());
        }
        // ResponseContentRead: a connection dropped while the body streams in is a failed attempt, retried here.
        return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, context.CancellationToken).ConfigureAwait(false);
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _options.TimeProvider };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries + _options.MaxRateLimitRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.MaxRetryDelay,
                // 429s and other transient failures each have their own budget: being rate limited a few times does
                // not use up the retries a 500 or a dropped connection may need, nor the other way round.
                ShouldHandle = args =>
                {
                    if (!IsTransient(args.Outcome, args.Context.CancellationToken))
                        return new ValueTask<bool>(false);
                    var call = args.Context.Properties.GetValue(CallStateKey, null!);
                    return new ValueTask<bool>(args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
                        ? call.RateLimited < _options.MaxRateLimitRetries
                        : call.Failures < _options.MaxRetries);
                },
                DelayGenerator = args => new ValueTask<TimeSpan?>(ServerRequestedDelay(args.Outcome.Result) ?? RateLimitBackoff(args.Outcome.Result, args.AttemptNumber)),
                OnRetry = args =>
                {
                    var call = args.Context.Properties.GetValue(CallStateKey, null!);
                    Interlocked.Increment(ref _retryCount);
                    if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        call.RateLimited++;
                        _gate.Defer(args.RetryDelay);
                    }
                    else
                    {
                        call.Failures++;
                    }
                    Retrying?.Invoke(this, new RetryEventArgs(call.Endpoint, args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome)));
                    return default;
                },
            });
        }
        builder.AddTimeout(_options.Timeout);
        return builder.Build();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken)
    {
        if (outcome.Exception is { } ex)
        {
            return ex switch
            {
                TimeoutRejectedException => true,
                HttpRequestException => true,
                IOException => true,
                // HttpClient's own cancellations (not the caller's) are dropped connections in disguise.
                OperationCanceledException => !callerToken.IsCancellationRequested,
                _ => false,
            };
        }
        var status = (int)outcome.Result!.StatusCode;
        return status == 429 || status == 408 || status >= 500;
    }

    /// <summary>
    /// A 429 without Retry-After or X-RateLimit-Reset: wait a little, growing to at most 8 times the base delay, with
    /// jitter. Every request of the client waits at the gate meanwhile, so long exponential waits would only idle.
    /// Null for anything else (the normal exponential backoff applies).
    /// </summary>
    private TimeSpan? RateLimitBackoff(HttpResponseMessage? response, int attempt)
    {
        if (response?.StatusCode != HttpStatusCode.TooManyRequests)
            return null;
        var factor = Math.Min(1 << Math.Min(attempt, 3), 8) * (0.5 + Random.Shared.NextDouble());
        var wait = TimeSpan.FromTicks((long)(_options.RetryBaseDelay.Ticks * factor));
        return wait > _options.MaxRetryDelay ? _options.MaxRetryDelay : wait;
    }

    /// <summary>The wait the server asked for (Retry-After, or X-RateLimit-Reset seconds), capped; null to use backoff.</summary>
    private TimeSpan? ServerRequestedDelay(HttpResponseMessage? response)
    {
        if (response is null)
            return null;
        TimeSpan? wait = null;
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
                wait = delta;
            else if (retryAfter.Date is { } date)
                wait = date - _options.TimeProvider.GetUtcNow();
        }
        if (wait is null && response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && double.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            wait = TimeSpan.FromSeconds(seconds);
        }
        if (wait is null)
            return null;
        if (wait < TimeSpan.Zero)
            wait = TimeSpan.Zero;
        return wait > _options.MaxRetryDelay ? _options.MaxRetryDelay : wait;
    }

    private string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => $"HTTP {(int)outcome.Result!.StatusCode} {outcome.Result.ReasonPhrase}".TrimEnd(),
        TimeoutRejectedException => $"no answer within {_options.Timeout.TotalSeconds:0.###} s",
        OperationCanceledException => "the connection was closed before an answer came",
        { } ex => Redact(ex.GetBaseException().Message),
    };

    private Exception MapException(Exception ex, CallState call, CancellationToken cancellationToken)
    {
        if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            return new OperationCanceledException("The request to Campaign Monitor was cancelled.", ex, cancellationToken);
        if (!IsTransient(Outcome.FromException<HttpResponseMessage>(ex), cancellationToken))
            return ex;
        var host = _options.BaseUri.GetLeftPart(UriPartial.Authority);
        var reason = ex is TimeoutRejectedException
            ? $"no answer within {_options.Timeout.TotalSeconds:0.###} s"
            : Redact(ex.GetBaseException().Message);
        var tries = call.Attempts == 1 ? "1 attempt" : $"{call.Attempts} attempts";
        return new CampaignMonitorUnavailableException(
            $"Could not reach Campaign Monitor at {host} for {call.Endpoint} after {tries}: {reason}",
            call.Endpoint, call.Attempts, ex);
    }

    /// <summary>The key never leaves this class: any text that somehow carries it is scrubbed.</summary>
    private string Redact(string text)
    {
        foreach (var secret in _secretForms)
        {
            if (secret.Length > 0)
                text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        return text;
    }

    private CampaignMonitorApiException Redacted(CampaignMonitorApiException ex) =>
        ex.Message.Contains(_options.ApiKey, StringComparison.Ordinal) || (ex.ApiMessage?.Contains(_options.ApiKey, StringComparison.Ordinal) ?? false)
            ? new CampaignMonitorApiException(Redact(ex.Message), ex.Endpoint, ex.Attempts, ex.HttpStatus, ex.Code,
                ex.ApiMessage is null ? null : Redact(ex.ApiMessage), ex.Kind)
            : ex;

    /// <summary>"POST subscribers/abc/import.json": the path without its query (which can hold an email address).</summary>
    internal static string EndpointName(HttpMethod method, string relativePath)
    {
        var query = relativePath.IndexOf('?');
        return method.Method + " " + (query < 0 ? relativePath : relativePath[..query]);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>One call's request, and what its attempts have spent so far.</summary>
    private sealed class CallState(HttpMethod method, string relativePath, ReadOnlyMemory<byte>? jsonBody, string endpoint)
    {
        public HttpMethod Method => method;
        public string RelativePath => relativePath;
        public ReadOnlyMemory<byte>? JsonBody => jsonBody;
        public string Endpoint => endpoint;
        public int Attempts;
        /// <summary>Retries spent on 429s, and on every other transient failure.</summary>
        public int RateLimited;
        public int Failures;
    }
}
