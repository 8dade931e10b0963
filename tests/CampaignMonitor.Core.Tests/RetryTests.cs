using System.Net;
using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Core.Api.Http;
using CampaignMonitor.Core.Tests.Support;
using Moq;
using Moq.Protected;
using Xunit;

namespace CampaignMonitor.Core.Tests;

public class RetryTests
{
    private const string ListsJson = """[{"ListID":"l1","Name":"One"}]""";

    /// <summary>A handler that answers with the given responses in order, then the last one forever.</summary>
    private static StubHandler Sequence(params Func<HttpResponseMessage>[] responses)
    {
        var index = 0;
        return new StubHandler(_ =>
        {
            var i = Math.Min(Interlocked.Increment(ref index) - 1, responses.Length - 1);
            return responses[i]();
        });
    }

    private static HttpResponseMessage Status(HttpStatusCode status, string body = "") =>
        new(status) { Content = new StringContent(body) };

    private static HttpResponseMessage TooMany(Action<HttpResponseMessage>? headers = null)
    {
        var response = StubHandler.Json("""{"Code":429,"Message":"Rate limit exceeded"}""", HttpStatusCode.TooManyRequests);
        headers?.Invoke(response);
        return response;
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task TransientStatusesAreRetriedUntilTheyPass(HttpStatusCode status)
    {
        var handler = Sequence(() => Status(status), () => Status(status), () => StubHandler.Json(ListsJson));
        using var client = TestClients.Create(handler);
        var seen = new List<RetryEventArgs>();
        client.Retrying += (_, e) => seen.Add(e);

        var lists = await client.GetListsAsync("c");

        Assert.Equal("l1", Assert.Single(lists).ListID);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, client.RetryCount);
        Assert.Equal(new[] { 1, 2 }, seen.Select(e => e.RetryNumber));
        Assert.All(seen, e => Assert.Equal("GET clients/c/lists.json", e.Endpoint));
        Assert.Contains(((int)status).ToString(), seen[0].Reason);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task TheCallersMistakesAreNeverRetried(HttpStatusCode status)
    {
        var handler = new Mock<HttpMessageHandler>();
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync(() => StubHandler.Json("""{"Code":1,"Message":"Invalid Email Address"}""", status));
        using var client = TestClients.Create(handler.Object);

        var ex = await Assert.ThrowsAsync<CampaignMonitorApiException>(() => client.GetListsAsync("c"));

        handler.Protected().Verify("SendAsync", Times.Once(), ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>());
        Assert.Equal(0, client.RetryCount);
        Assert.Equal(1, ex.Attempts);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task RetryAfterIsHonoured()
    {
        var time = new InstantTimeProvider();
        var handler = Sequence(() => TooMany(r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7))),
            () => StubHandler.Json(ListsJson));
        using var client = TestClients.Create(handler, time: time);
        await client.GetListsAsync("c");
        Assert.Equal(TimeSpan.FromSeconds(7), time.Delays[0]);
    }

    [Fact]
    public async Task RetryAfterAsADateIsHonoured()
    {
        var time = new InstantTimeProvider();
        var handler = Sequence(() => TooMany(r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(12))),
            () => StubHandler.Json(ListsJson));
        using var client = TestClients.Create(handler, time: time);
        await client.GetListsAsync("c");
        Assert.Equal(TimeSpan.FromSeconds(12), time.Delays[0]);
    }

    [Fact]
    public async Task RateLimitResetIsHonouredWhenThereIsNoRetryAfter()
    {
        var time = new InstantTimeProvider();
        var handler = Sequence(() => TooMany(r =>
        {
            r.Headers.Add("X-RateLimit-Limit", "60");
            r.Headers.Add("X-RateLimit-Remaining", "0");
            r.Headers.Add("X-RateLimit-Reset", "5");
        }), () => StubHandler.Json(ListsJson));
        using var client = TestClients.Create(handler, time: time);
        await client.GetListsAsync("c");
        Assert.Equal(TimeSpan.FromSeconds(5), time.Delays[0]);
    }

    [Fact]
    public async Task A429WithoutHeadersBacksOffExponentiallyWithJitter()
    {
        // Jitter makes single runs noisy, so look at the average of many: the third wait is clearly longer than the first.
        var first = new List<double>();
        var third = new List<double>();
        for (var run = 0; run < 100; run++)
        {
            var time = new InstantTimeProvider();
            var handler = Sequence(() => TooMany(), () => TooMany(), () => TooMany(), () => StubHandler.Json(ListsJson));
            using var client = TestClients.Create(handler, o => o.RetryBaseDelay = TimeSpan.FromSeconds(2), time);
            await client.GetListsAsync("c");
            Assert.Equal(4, handler.Requests.Count);
            Assert.Equal(3, time.Delays.Count);
            Assert.All(time.Delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(60)));
            first.Add(time.Delays[0].TotalSeconds);
            third.Add(time.Delays[2].TotalSeconds);
        }
        Assert.True(third.Average() > 2 * first.Average(), $"first {first.Average():0.00} s, third {third.Average():0.00} s");
        Assert.True(first.Distinct().Count() > 50, "the waits are jittered, not all alike");
    }

    [Fact]
    public async Task EveryWaitIsCapped()
    {
        var time = new InstantTimeProvider();
        var handler = Sequence(() => TooMany(r => r.Headers.Add("X-RateLimit-Reset", "3600")), () => StubHandler.Json(ListsJson));
        using var client = TestClients.Create(handler, o => o.MaxRetryDelay = TimeSpan.FromSeconds(45), time);
        await client.GetListsAsync("c");
        Assert.Equal(TimeSpan.FromSeconds(45), time.Delays[0]);
    }

    [Fact]
    public async Task TheNumberOfTriesIsBoundedAndTheErrorSaysHowMany()
    {
        var handler = new StubHandler(_ => StubHandler.Json(Fixtures.Read("createsend-python", "sample_server_error.json"), HttpStatusCode.InternalServerError));
        using var client = TestClients.Create(handler, o => o.MaxRetries = 3);
        var ex = await Assert.ThrowsAsync<CampaignMonitorApiException>(() => client.GetListsAsync("c"));
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(ApiErrorKind.ServerError, ex.Kind);
        Assert.True(ex.IsTransient);
        Assert.Contains("after 4 attempts", ex.Message);
        Assert.Equal(500, ex.Code);
    }

    [Fact]
    public async Task RateLimitsGetMorePatienceThanFailuresButAreBoundedToo()
    {
        var handler = Sequence(Enumerable.Repeat<Func<HttpResponseMessage>>(() => TooMany(), 10).Append(() => StubHandler.Json(ListsJson)).ToArray());
        using var client = TestClients.Create(handler, o => o.MaxRetries = 3);
        Assert.Single(await client.GetListsAsync("c"));
        Assert.Equal(11, handler.Requests.Count);

        var always = new StubHandler(_ => TooMany());
        using var bounded = TestClients.Create(always, o => { o.MaxRetries = 3; o.MaxRateLimitRetries = 5; });
        var ex = await Assert.ThrowsAsync<CampaignMonitorApiException>(() => bounded.GetListsAsync("c"));
        Assert.Equal(ApiErrorKind.RateLimited, ex.Kind);
        Assert.Equal(6, ex.Attempts);
    }

    [Fact]
    public async Task RateLimitsDoNotUseUpTheRetriesOfFailures()
    {
        var handler = Sequence(() => TooMany(), () => TooMany(), () => TooMany(), () => Status(HttpStatusCode.BadGateway),
            () => TooMany(), () => Status(HttpStatusCode.ServiceUnavailable), () => StubHandler.Json(ListsJson));
        using var client = TestClients.Create(handler, o => o.MaxRetries = 2);
        Assert.Single(await client.GetListsAsync("c"));
        Assert.Equal(7, handler.Requests.Count);
    }

    [Fact]
    public async Task DroppedConnectionsAreRetried()
    {
        var calls = 0;
        var handler = new StubHandler(_ =>
            Interlocked.Increment(ref calls) < 3
                ? throw new HttpRequestException("The response ended prematurely.", new IOException("connection reset"))
                : StubHandler.Json(ListsJson));
        using var client = TestClients.Create(handler);
        var lists = await client.GetListsAsync("c");
        Assert.Single(lists);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task AConnectionThatNeverWorksEndsInAnUnavailableErrorWithoutTheKey()
    {
        var handler = new StubHandler(_ => throw new HttpRequestException("Connection refused (127.0.0.1:9)"));
        using var client = TestClients.Create(handler, o => o.MaxRetries = 2);
        var ex = await Assert.ThrowsAsync<CampaignMonitorUnavailableException>(() => client.GetListsAsync("c"));
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(ApiErrorKind.Unavailable, ex.Kind);
        Assert.Contains("after 3 attempts", ex.Message);
        Assert.Contains("Connection refused", ex.Message);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ToString());
    }

    [Fact]
    public async Task ASlowAnswerTimesOutAndIsRetried()
    {
        var calls = 0;
        var handler = new StubHandler(async (_, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return StubHandler.Json(ListsJson);
        });
        // Real time here: the timeout itself is what is being tested.
        using var client = TestClients.Create(handler, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(200);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        }, TimeProvider.System);
        var seen = new List<RetryEventArgs>();
        client.Retrying += (_, e) => seen.Add(e);
        var lists = await client.GetListsAsync("c");
        Assert.Single(lists);
        Assert.Equal(2, calls);
        Assert.Contains("no answer within 0.2 s", Assert.Single(seen).Reason);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotRetried()
    {
        using var cancel = new CancellationTokenSource();
        var handler = new StubHandler(async (_, ct) =>
        {
            cancel.Cancel();
            await Task.Delay(Timeout.Infinite, ct);
            return StubHandler.Json(ListsJson);
        });
        using var client = TestClients.Create(handler, time: TimeProvider.System);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetListsAsync("c", cancel.Token));
        Assert.Single(handler.Requests);
        Assert.Equal(0, client.RetryCount);
    }

    [Fact]
    public async Task ARetriedImportSendsTheSameBodyEachTime()
    {
        var handler = Sequence(() => Status(HttpStatusCode.BadGateway), () => StubHandler.Json(Fixtures.Read("createsend-ruby", "import_subscribers.json")));
        using var client = TestClients.Create(handler);
        await client.ImportSubscribersAsync("list", FixtureParsingTests.OneRowImport());
        var bodies = handler.Requests.Select(r => r.Body).ToArray();
        Assert.Equal(2, bodies.Length);
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Contains("a@example.com", bodies[1]);
    }

    [Fact]
    public async Task AfterA429EveryRequestOfTheClientWaitsNotJustTheOneThatGotIt()
    {
        var time = new ManualTimeProvider();
        var statsCalls = 0;
        var handler = new StubHandler(request =>
        {
            if (request.Uri.AbsolutePath.EndsWith("/stats.json") && Interlocked.Increment(ref statsCalls) == 1)
                return TooMany(r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(20)));
            return StubHandler.Json(request.Uri.AbsolutePath.EndsWith("/stats.json") ? "{}" : ListsJson);
        });
        using var client = TestClients.Create(handler, time: time);

        var throttled = client.GetListStatsAsync("l");
        time.WaitForTimer(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(1));
        var other = client.GetListsAsync("c");
        time.WaitForTimer(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.Single(handler.Requests); // the other request is held back by the 429, not sent into it

        time.Advance(TimeSpan.FromSeconds(20));
        await Task.WhenAll(throttled, other);
        Assert.Equal(3, handler.Requests.Count);
    }
}
