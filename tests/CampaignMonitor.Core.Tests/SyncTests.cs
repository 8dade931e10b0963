using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Sync;
using CampaignMonitor.Core.Tests.Support;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>The batcher and sender: ordering, the concurrency bound, flushing at the end, cancellation, and the counts.</summary>
public class SyncTests
{
    private static RowPlan Plan() => new(new[] { new ColumnTarget("Email", TargetKind.EmailAddress), new ColumnTarget("Name", TargetKind.Name) }, ConsentValues.Yes);

    /// <summary>A fake import endpoint: records each batch's addresses, counts new addresses as the API does, optionally slowly.</summary>
    private sealed class FakeImports
    {
        private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.OrdinalIgnoreCase);
        public ConcurrentQueue<(int Index, string[] Emails, string[] Names)> Started { get; } = new();
        public ConcurrentQueue<int> Finished { get; } = new();
        public Func<string[], Task>? Delay { get; set; }
        private int _count;
        private int _inFlight;
        public int MaxInFlight;

        public StubHandler Handler => new(async (request, ct) =>
        {
            var index = Interlocked.Increment(ref _count);
            var rows = JsonDocument.Parse(request.Body!).RootElement.GetProperty("Subscribers").EnumerateArray().ToList();
            var emails = rows.Select(r => r.GetProperty("EmailAddress").GetString()!).ToArray();
            Started.Enqueue((index, emails, rows.Select(r => r.TryGetProperty("Name", out var n) ? n.GetString()! : "").ToArray()));
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref MaxInFlight, now);
            try
            {
                if (Delay is not null)
                    await Delay(emails).WaitAsync(ct);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
            Finished.Enqueue(index);
            var created = emails.Count(e => _known.TryAdd(e, true));
            return StubHandler.Json($$"""{"FailureDetails":[],"TotalUniqueEmailsSubmitted":{{emails.Length}},"TotalExistingSubscribers":{{emails.Length - created}},"TotalNewSubscribers":{{created}},"DuplicateEmailsInSubmission":[]}""");
        });

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
        }
    }

    private static (SubscriberSync Sync, ImportSender Sender) Start(FakeImports fake, int batchSize, int concurrency)
    {
        var client = TestClients.Create(fake.Handler, time: TimeProvider.System);
        var sender = new ImportSender(client, "list", new ImportFlags(false, false, false), batchSize, concurrency);
        return (new SubscriberSync(Plan(), sender), sender);
    }

    private static async Task Feed(SubscriberSync sync, ImportSender sender, IEnumerable<(string Email, string Name)> rows)
    {
        var n = 0L;
        foreach (var (email, name) in rows)
        {
            Assert.Null(sync.Accept(++n, new object?[] { email, name }, null));
            if (sync.BatchIsFull)
                await sender.DispatchAsync(CancellationToken.None);
        }
        await sender.FinishAsync(CancellationToken.None);
        while (sender.Completed.TryDequeue(out var outcome))
            sync.Tally.Apply(outcome);
    }

    [Fact]
    public async Task NoMoreThanMaxConcurrencyBatchesAreInFlight()
    {
        var fake = new FakeImports { Delay = _ => Task.Delay(30) };
        var (sync, sender) = Start(fake, batchSize: 10, concurrency: 3);
        await Feed(sync, sender, Enumerable.Range(0, 200).Select(i => ($"p{i}@example.com", "P")));
        Assert.Equal(20, fake.Started.Count);
        Assert.Equal(3, fake.MaxInFlight);
        Assert.Equal(200, sync.Tally.New);
    }

    [Fact]
    public async Task ThePartialLastBatchIsSentAtTheEnd()
    {
        var fake = new FakeImports();
        var (sync, sender) = Start(fake, batchSize: 100, concurrency: 2);
        await Feed(sync, sender, Enumerable.Range(0, 250).Select(i => ($"p{i}@example.com", "P")));
        Assert.Equal(new[] { 50, 100, 100 }, fake.Started.Select(s => s.Emails.Length).Order());
        Assert.Equal(250, sync.Tally.New);
        Assert.Equal(3, sync.Tally.Batches);
        Assert.Equal(sync.Tally.Received, sync.Tally.Accounted);
    }

    [Fact]
    public async Task ABatchNeverOvertakesAnEarlierOneWithTheSameAddress()
    {
        var slowFirst = new TaskCompletionSource();
        var fake = new FakeImports { Delay = emails => emails.Contains("shared@example.com") && emails.Contains("a0@example.com") ? slowFirst.Task : Task.CompletedTask };
        var (sync, sender) = Start(fake, batchSize: 2, concurrency: 4);
        var feeding = Feed(sync, sender, new[]
        {
            ("a0@example.com", "first"), ("shared@example.com", "old"),   // batch 1: slow
            ("b0@example.com", "x"), ("b1@example.com", "x"),              // batch 2: unrelated, may overtake
            ("SHARED@example.com", "new"), ("c0@example.com", "x"),        // batch 3: must wait for batch 1
        });
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (fake.Finished.Count < 1 && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        await Task.Delay(100);
        Assert.Contains(fake.Started, s => s.Emails.Contains("b0@example.com"));
        Assert.DoesNotContain(fake.Started, s => s.Emails.Contains("SHARED@example.com"));
        slowFirst.SetResult();
        await feeding;
        var order = fake.Started.OrderBy(s => s.Index).ToList();
        Assert.True(order.FindIndex(s => s.Emails.Contains("SHARED@example.com")) > order.FindIndex(s => s.Emails.Contains("shared@example.com")));
        Assert.Equal(1, sync.Tally.Duplicates);
        Assert.Equal(5, sync.Tally.New);
    }

    [Fact]
    public async Task WithinABatchTheLaterRowReplacesTheEarlierOne()
    {
        var fake = new FakeImports();
        var (sync, sender) = Start(fake, batchSize: 10, concurrency: 1);
        await Feed(sync, sender, new[] { ("x@example.com", "first"), ("y@example.com", "y"), (" X@EXAMPLE.com ", "second") });
        var batch = Assert.Single(fake.Started);
        Assert.Equal(new[] { "X@EXAMPLE.com", "y@example.com" }, batch.Emails);
        Assert.Equal("second", batch.Names[0]);
        Assert.Equal((3L, 2L, 1L), (sync.Tally.Received, sync.Tally.New, sync.Tally.Duplicates));
    }

    [Fact]
    public async Task StoppingCancelsWhatIsInFlightAndCountsItAsFailed()
    {
        var never = new TaskCompletionSource();
        var fake = new FakeImports { Delay = _ => never.Task };
        var (sync, sender) = Start(fake, batchSize: 5, concurrency: 2);
        for (var i = 0; i < 10; i++)
        {
            sync.Accept(i + 1, new object?[] { $"s{i}@example.com", "S" }, null);
            if (sync.BatchIsFull)
                await sender.DispatchAsync(CancellationToken.None);
        }
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (fake.Started.Count < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        sender.Stop();
        await sender.FinishAsync(CancellationToken.None);
        var outcomes = new List<BatchOutcome>();
        while (sender.Completed.TryDequeue(out var outcome))
        {
            outcomes.Add(outcome);
            sync.Tally.Apply(outcome);
        }
        Assert.All(outcomes, o => Assert.True(o.Cancelled));
        Assert.Equal(10, sync.Tally.Failed);
        Assert.Equal(sync.Tally.Received, sync.Tally.Accounted);
        Assert.All(sync.Tally.Rejects, r => Assert.Equal("Stopped", r.Code));
    }

    [Fact]
    public void TheTallySplitsAPartialImport()
    {
        var tally = new SendTally { Received = 5 };
        PendingRow Row(int n, string email, bool duplicate = false) =>
            new(n, new SubscriberRecord { EmailAddress = email }, null) { IsDuplicate = duplicate };
        var outcome = new BatchOutcome(1, new[] { Row(1, "a@x.io"), Row(2, "b@x.io"), Row(3, "c@x.io", duplicate: true), Row(4, "bad@x"), Row(5, "gone@x.io") })
        {
            Result = new ImportResult
            {
                TotalNewSubscribers = 1, TotalExistingSubscribers = 2, IsPartial = true,
                FailureDetails = { new ImportFailure { EmailAddress = "bad@x", Code = 1, Message = "Invalid Email Address" }, new ImportFailure { EmailAddress = "GONE@x.io", Code = 206, Message = "Unsubscribed" } },
            },
        };
        var problems = tally.Apply(outcome);
        Assert.Equal(new[] { "1", "206" }, problems.Select(p => p.Code));
        Assert.Equal(new long[] { 4, 5 }, problems.Select(p => p.RowNumber));
        Assert.Equal((1L, 1L, 1L, 2L), (tally.New, tally.Existing, tally.Duplicates, tally.Rejected));
        Assert.Equal(tally.Received, tally.Accounted);
    }

    [Fact]
    public void ADryRunChecksAndCountsButSendsNothing()
    {
        var sync = new SubscriberSync(Plan(), sender: null);
        Assert.Null(sync.Accept(1, new object?[] { "a@example.com", "A" }, null));
        Assert.NotNull(sync.Accept(2, new object?[] { "nope", "B" }, null));
        Assert.Null(sync.Accept(3, new object?[] { "A@example.com", "A again" }, null));
        Assert.True(sync.DryRun);
        Assert.Equal((3L, 2L, 1L), (sync.Tally.Received, sync.Tally.Skipped, sync.Tally.Rejected));
        Assert.Equal(sync.Tally.Received, sync.Tally.Accounted);
    }

    [Fact]
    public void AddressFingerprintsIgnoreCaseAndSurroundingSpace()
    {
        Assert.Equal(EmailRule.Fingerprint("Ann@Example.com"), EmailRule.Fingerprint(" ann@example.COM "));
        Assert.NotEqual(EmailRule.Fingerprint("ann@example.com"), EmailRule.Fingerprint("anne@example.com"));
    }
}
