using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Send;
using CampaignMonitor.Core.Send.Events;
using CampaignMonitor.Core.Tests.Support;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>
/// The send engine through the surface the cmdlet uses (Accept, TryTakeEvent, FinishAsync, Stop, Summary): ordering,
/// the concurrency bound, flushing at the end, stopping, the counts, and the events.
/// </summary>
public class SendEngineTests
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

    private static SendEngine Start(FakeImports fake, int batchSize, int concurrency)
    {
        var client = TestClients.Create(fake.Handler, time: TimeProvider.System);
        return new SendEngine(Plan(), new SendTarget(client, "list", new ImportFlags(false, false, false), batchSize, concurrency));
    }

    private static RowValues Row(string email, string name) => new(new object?[] { email, name });

    /// <summary>Gives the rows as the cmdlet does (waiting while a full batch waits for a sender), finishes, and takes every event.</summary>
    private static async Task<List<SendEvent>> Feed(SendEngine engine, IEnumerable<(string Email, string Name)> rows)
    {
        var events = new List<SendEvent>();
        var n = 0L;
        foreach (var (email, name) in rows)
        {
            await engine.Accept(++n, Row(email, name));
            events.AddRange(Take(engine));
        }
        await engine.FinishAsync();
        events.AddRange(Take(engine));
        return events;
    }

    private static List<SendEvent> Take(SendEngine engine)
    {
        var events = new List<SendEvent>();
        while (engine.TryTakeEvent(out var sendEvent))
            events.Add(sendEvent);
        return events;
    }

    [Fact]
    public async Task NoMoreThanMaxConcurrencyBatchesAreInFlight()
    {
        var fake = new FakeImports { Delay = _ => Task.Delay(30) };
        using var engine = Start(fake, batchSize: 10, concurrency: 3);
        var events = await Feed(engine, Enumerable.Range(0, 200).Select(i => ($"p{i}@example.com", "P")));
        Assert.Equal(20, fake.Started.Count);
        Assert.Equal(3, fake.MaxInFlight);
        Assert.Equal(200, engine.Summary.New);
        Assert.Equal(20, events.OfType<BatchConfirmed>().Count());
    }

    [Fact]
    public async Task ThePartialLastBatchIsSentAtTheEnd()
    {
        var fake = new FakeImports();
        using var engine = Start(fake, batchSize: 100, concurrency: 2);
        var events = await Feed(engine, Enumerable.Range(0, 250).Select(i => ($"p{i}@example.com", "P")));
        Assert.Equal(new[] { 50, 100, 100 }, fake.Started.Select(s => s.Emails.Length).Order());
        Assert.Equal(250, engine.Summary.New);
        Assert.Equal(3, engine.Summary.Batches);
        Assert.Equal(engine.Summary.Received, engine.Summary.Accounted);
        Assert.Equal(new long[] { 1, 101, 201 }, events.OfType<BatchConfirmed>().Select(b => b.FirstRow).Order());
    }

    [Fact]
    public async Task ABatchNeverOvertakesAnEarlierOneWithTheSameAddress()
    {
        var slowFirst = new TaskCompletionSource();
        var fake = new FakeImports { Delay = emails => emails.Contains("shared@example.com") && emails.Contains("a0@example.com") ? slowFirst.Task : Task.CompletedTask };
        using var engine = Start(fake, batchSize: 2, concurrency: 4);
        var feeding = Feed(engine, new[]
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
        Assert.Equal(1, engine.Summary.Duplicates);
        Assert.Equal(5, engine.Summary.New);
    }

    [Fact]
    public async Task WithinABatchTheLaterRowReplacesTheEarlierOne()
    {
        var fake = new FakeImports();
        using var engine = Start(fake, batchSize: 10, concurrency: 1);
        await Feed(engine, new[] { ("x@example.com", "first"), ("y@example.com", "y"), (" X@EXAMPLE.com ", "second") });
        var batch = Assert.Single(fake.Started);
        Assert.Equal(new[] { "X@EXAMPLE.com", "y@example.com" }, batch.Emails);
        Assert.Equal("second", batch.Names[0]);
        Assert.Equal((3L, 2L, 1L), (engine.Summary.Received, engine.Summary.New, engine.Summary.Duplicates));
    }

    [Fact]
    public async Task StoppingCancelsWhatIsInFlightAndCountsItAsStopped()
    {
        var never = new TaskCompletionSource();
        var fake = new FakeImports { Delay = _ => never.Task };
        using var engine = Start(fake, batchSize: 5, concurrency: 2);
        for (var i = 0; i < 10; i++)
            await engine.Accept(i + 1, Row($"s{i}@example.com", "S"));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (fake.Started.Count < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        engine.Stop();
        await engine.FinishAsync();
        var events = Take(engine);
        Assert.Equal(2, events.OfType<BatchFailed>().Count(b => b.Stopped));
        Assert.Equal(10, events.OfType<RowRejected>().Count(r => r.Rejection.Origin == RejectOrigin.Stopped));
        Assert.Equal(10, engine.Summary.Failed);
        Assert.Equal(engine.Summary.Received, engine.Summary.Accounted);
        Assert.All(engine.Summary.Rejects, r => Assert.Equal("Stopped", r.Code));
    }

    [Fact]
    public async Task APartialImportIsAResultWhoseRefusedRowsComeBackWithTheApisCodes()
    {
        // The API answers 400 with code 210 and the refused rows in ResultData: a result, not a failure.
        var handler = new StubHandler((request, _) => Task.FromResult(StubHandler.Json("""
            {"Code":210,"Message":"Subscriber Import had some failures","ResultData":{"FailureDetails":[
              {"EmailAddress":"bad@x.io","Code":1,"Message":"Invalid Email Address"},{"EmailAddress":"GONE@x.io","Code":206,"Message":"Unsubscribed"}],
             "TotalUniqueEmailsSubmitted":5,"TotalExistingSubscribers":1,"TotalNewSubscribers":2,"DuplicateEmailsInSubmission":[]}}
            """, HttpStatusCode.BadRequest)));
        var client = TestClients.Create(handler, time: TimeProvider.System);
        using var engine = new SendEngine(Plan(), new SendTarget(client, "list", new ImportFlags(false, false, false), BatchSize: 10, MaxConcurrency: 1));
        var events = await Feed(engine, new[] { ("a@x.io", "A"), ("b@x.io", "B"), ("A@x.io", "A again"), ("bad@x.io", "X"), ("gone@x.io", "G") });
        var batch = Assert.Single(events.OfType<BatchConfirmed>());
        Assert.True(batch.Partial);
        Assert.Equal(2, batch.Refused);
        var refused = events.OfType<RowRejected>().Select(r => r.Rejection).ToList();
        Assert.Equal(new[] { "1", "206" }, refused.Select(r => r.Code));
        Assert.Equal(new long[] { 4, 5 }, refused.Select(r => r.RowNumber));
        Assert.All(refused, r => Assert.Equal(RejectOrigin.Api, r.Origin));
        Assert.Equal("X", refused[0].Row[1]); // the row's own values travel with it, for the reject file
        var summary = engine.Summary;
        Assert.Equal((2L, 1L, 2L, 0L), (summary.New, summary.Duplicates, summary.Rejected, summary.Existing));
        Assert.Equal(summary.Received, summary.Accounted);
    }

    [Fact]
    public async Task ADryRunChecksAndCountsButSendsNothing()
    {
        using var engine = new SendEngine(Plan(), target: null);
        var events = await Feed(engine, new[] { ("a@example.com", "A"), ("nope", "B"), ("A@example.com", "A again") });
        Assert.True(engine.DryRun);
        var refused = Assert.Single(events.OfType<RowRejected>()).Rejection;
        Assert.Equal((2L, "InvalidEmail", "Email", RejectOrigin.Check), (refused.RowNumber, refused.Code, refused.Column, refused.Origin));
        // What the real send would do: one row imported, one as a repeat of its address, one refused.
        Assert.Equal((3L, 1L, 1L, 1L, 0L), (engine.Summary.Received, engine.Summary.WouldSend, engine.Summary.Duplicates, engine.Summary.Rejected, engine.Summary.Skipped));
        Assert.Equal(engine.Summary.Received, engine.Summary.Accounted);
    }

    [Fact]
    public async Task WhenEveryBatchFailsTheCircuitOpensOnceAndTheRestIsNotDelivered()
    {
        var handler = new StubHandler((_, _) => Task.FromResult(StubHandler.Json("""{"Code":500,"Message":"down"}""", HttpStatusCode.InternalServerError)));
        var client = TestClients.Create(handler, o => o.MaxRetries = 0, TimeProvider.System);
        using var engine = new SendEngine(Plan(), new SendTarget(client, "list", new ImportFlags(false, false, false), BatchSize: 1, MaxConcurrency: 1));
        var events = await Feed(engine, Enumerable.Range(0, 8).Select(i => ($"p{i}@example.com", "P")));
        Assert.Equal(ImportSender.CircuitBreakAfter, events.OfType<BatchFailed>().Count());
        var open = Assert.Single(events.OfType<CircuitOpened>());
        Assert.Equal(ImportSender.CircuitBreakAfter + 1, open.FromBatch);
        Assert.Equal(8, events.OfType<RowRejected>().Count(r => r.Rejection.Origin == RejectOrigin.Delivery));
        Assert.Equal(ImportSender.CircuitBreakAfter, handler.Requests.Count);
        Assert.Equal(8, engine.Summary.Failed);
    }

    private static SendContext Context(string folder) => new(
        new Settings.DestinationRecord { Name = "D", ListName = "L" }, null,
        new Settings.ApiCredential("c", "client", "key", new Uri("http://127.0.0.1/api/v3.3/")),
        new Settings.ListPinStore(new Settings.SettingsStore(folder, new Settings.OwnerOnlyFileProtector())));

    /// <summary>One run with a checkpoint, as the cmdlet makes it; <paramref name="complete"/>: the run ends as a finished send does.</summary>
    private static async Task<SendSummary> RunWithCheckpoint(FakeImports fake, string path, IEnumerable<(string, string)> rows, bool complete)
    {
        var client = TestClients.Create(fake.Handler, time: TimeProvider.System);
        using var engine = new SendEngine(Plan(), new SendTarget(client, "list", new ImportFlags(false, false, false), BatchSize: 2, MaxConcurrency: 1),
            SendCheckpoint.Open(path, Context(Path.GetDirectoryName(path)!)));
        await Feed(engine, rows);
        if (complete)
            engine.Close();
        return engine.Summary;
    }

    [Fact]
    public async Task ARerunSkipsAConfirmedBatchOnlyWhenItsPositionsCarryTheSameAddresses()
    {
        var folder = Directory.CreateTempSubdirectory("cm-checkpoint-").FullName;
        try
        {
            var path = Path.Combine(folder, "send.checkpoint");
            var rows = Enumerable.Range(1, 6).Select(i => ($"p{i}@example.com", "P")).ToList();
            var first = new FakeImports();
            await RunWithCheckpoint(first, path, rows, complete: false); // a run that was killed: the checkpoint stays
            Assert.Equal(3, first.Started.Count);

            var same = new FakeImports();
            var resumed = await RunWithCheckpoint(same, path, rows, complete: false);
            Assert.Equal(6, resumed.Skipped);
            Assert.Empty(same.Started);

            rows[2] = ("other3@example.com", "P"); // rows 3 and 4 are the second batch
            var changed = new FakeImports();
            var partly = await RunWithCheckpoint(changed, path, rows, complete: true);
            Assert.Equal(4, partly.Skipped);
            var sent = Assert.Single(changed.Started);
            Assert.Equal(new[] { "other3@example.com", "p4@example.com" }, sent.Emails);
            Assert.Equal(partly.Received, partly.Accounted);
            Assert.False(File.Exists(path), "a complete send deletes its checkpoint");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AddressFingerprintsIgnoreCaseAndSurroundingSpace()
    {
        Assert.Equal(EmailRule.Fingerprint("Ann@Example.com"), EmailRule.Fingerprint(" ann@example.COM "));
        Assert.NotEqual(EmailRule.Fingerprint("ann@example.com"), EmailRule.Fingerprint("anne@example.com"));
    }
}
