using System.Net;
using CampaignMonitor.Sandbox.Faults;
using Xunit;

namespace CampaignMonitor.Sandbox.Tests;

/// <summary>Faults on demand: what each does on the wire, and that they are the same run after run under a seed.</summary>
public class FaultTests
{
    private static async Task<List<string>> FaultSequence(int seed)
    {
        await using var sandbox = await SandboxHost.StartAsync(new FaultSettings { Seed = seed, ErrorRate = 0.3, DropBeforeRate = 0.1, DropAfterRate = 0.1, PathContains = "active" });
        var listId = await sandbox.CreateListAsync("F");
        // Concurrent requests in random order: the faults follow the requests, not their arrival.
        var requests = Enumerable.Range(0, 60).OrderBy(_ => Random.Shared.Next()).Select(async i =>
        {
            try { await sandbox.Raw.GetAsync($"lists/{listId}/active.json?page={i + 1}"); }
            catch (HttpRequestException) { }
        });
        await Task.WhenAll(requests);
        var log = await sandbox.Admin.GetRequestsAsync();
        return log.Where(e => e.Path.EndsWith("active.json")).OrderBy(e => e.Query, StringComparer.Ordinal).Select(e => e.Query + "=" + e.Fault).ToList();
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameFaultsWhateverTheArrivalOrder()
    {
        var first = await FaultSequence(11);
        var second = await FaultSequence(11);
        Assert.Equal(first, second);
        Assert.Contains(first, f => f.EndsWith("=500"));
        Assert.Contains(first, f => f.EndsWith("=drop-before"));
        Assert.NotEqual(first, await FaultSequence(12));
    }

    [Fact]
    public async Task AllErrorsAnswer500WithTheApisBody()
    {
        await using var sandbox = await SandboxHost.StartAsync(new FaultSettings { ErrorRate = 1 });
        var (status, body) = await sandbox.GetAsync("systemdate.json");
        Assert.Equal(500, status);
        Assert.Equal(500, body.GetProperty("Code").GetInt32());
    }

    [Fact]
    public async Task ADropBeforeLeavesTheStateAloneAndADropAfterAppliesTheRequest()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var listId = await sandbox.CreateListAsync("Drops");
        const string Row = """{"Subscribers":[{"EmailAddress":"x@example.com","ConsentToTrack":"Yes"}]}""";

        await sandbox.Admin.SetFaultsAsync(new Core.Sandbox.SandboxFaults { DropBeforeRate = 1 });
        await Assert.ThrowsAsync<HttpRequestException>(() => sandbox.PostAsync($"subscribers/{listId}/import.json", Row));
        await sandbox.Admin.SetFaultsAsync(new Core.Sandbox.SandboxFaults());
        var (_, before) = await sandbox.GetAsync($"lists/{listId}/active.json");
        Assert.Equal(0, before.GetProperty("TotalNumberOfRecords").GetInt32());

        await sandbox.Admin.SetFaultsAsync(new Core.Sandbox.SandboxFaults { DropAfterRate = 1, PathContains = "import" });
        await Assert.ThrowsAsync<HttpRequestException>(() => sandbox.PostAsync($"subscribers/{listId}/import.json", Row));
        var (_, after) = await sandbox.GetAsync($"lists/{listId}/active.json");
        Assert.Equal(1, after.GetProperty("TotalNumberOfRecords").GetInt32());

        var log = await sandbox.Admin.GetRequestsAsync();
        Assert.Contains(log, e => e.Fault == "drop-before" && e.Status == 0);
        Assert.Contains(log, e => e.Fault == "drop-after" && e.BatchSize == 1);
    }

    [Theory]
    [InlineData("Always", true)]
    [InlineData("Never", false)]
    public async Task TheRateLimitAnswers429WithOrWithoutHeaders(string headers, bool expectHeaders)
    {
        await using var sandbox = await SandboxHost.StartAsync(new FaultSettings { RateLimit = 2, RateLimitWindowSeconds = 60, RateLimitHeaders = headers });
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 3; i++)
            limited = await sandbox.Raw.GetAsync("systemdate.json");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited!.StatusCode);
        Assert.Contains("\"Code\":429", await limited.Content.ReadAsStringAsync());
        Assert.Equal(expectHeaders, limited.Headers.RetryAfter is not null);
        Assert.Equal(expectHeaders, limited.Headers.Contains("X-RateLimit-Reset"));
        if (expectHeaders)
        {
            Assert.Equal("2", limited.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
            Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        }
    }

    [Fact]
    public async Task LatencyIsAddedToEveryRequest()
    {
        await using var sandbox = await SandboxHost.StartAsync(new FaultSettings { LatencyMs = 150 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await sandbox.GetAsync("systemdate.json");
        Assert.True(watch.ElapsedMilliseconds >= 140, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task TheRequestLogNeverHoldsTheKey()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.GetAsync("systemdate.json");
        var json = await sandbox.Raw.GetStringAsync(new Uri(sandbox.BaseUri, "/_sandbox/requests"));
        Assert.Contains("systemdate.json", json);
        Assert.DoesNotContain(SandboxHost.ApiKey, json);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SandboxHost.ApiKey + ":x")), json);
    }

    [Fact]
    public async Task FaultSettingsAreValidated()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => sandbox.Admin.SetFaultsAsync(new Core.Sandbox.SandboxFaults { ErrorRate = 2 }));
        Assert.Contains("ErrorRate must be between 0 and 1", ex.Message);
    }
}
