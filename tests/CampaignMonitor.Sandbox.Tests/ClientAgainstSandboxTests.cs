using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Sandbox.Faults;
using Xunit;

namespace CampaignMonitor.Sandbox.Tests;

/// <summary>The module's API client over real HTTP against the sandbox: create, import, read back, page, survive faults.</summary>
public class ClientAgainstSandboxTests
{
    private static List<SubscriberRecord> Rows(int from, int count, string prefix = "p") =>
        Enumerable.Range(from, count).Select(i => new SubscriberRecord
        {
            EmailAddress = $"{prefix}{i:D6}@example.com", Name = $"Person {i}", ConsentToTrack = ConsentValues.Yes,
            CustomFields = new() { new() { Key = "[Zip]", Value = $"0{i % 10000:D4}" } },
        }).ToList();

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> stream)
    {
        var items = new List<T>();
        await foreach (var item in stream)
            items.Add(item);
        return items;
    }

    [Fact]
    public async Task CreateImportAndReadBackAcrossPages()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = sandbox.Client();
        var listId = await client.CreateListAsync(SandboxHost.ClientId, new CreateListRequest { Title = "Round trip", UnsubscribeSetting = UnsubscribeSettings.OnlyThisList });
        var key = await client.CreateCustomFieldAsync(listId, new CreateCustomFieldRequest { FieldName = "Zip", DataType = CustomFieldTypes.Text });
        Assert.Equal("[Zip]", key);
        Assert.Equal(UnsubscribeSettings.OnlyThisList, (await client.GetListDetailsAsync(listId)).UnsubscribeSetting);
        Assert.Contains(await client.GetListsAsync(SandboxHost.ClientId), l => l.ListID == listId && l.Name == "Round trip");

        for (var batch = 0; batch < 3; batch++)
        {
            var result = await client.ImportSubscribersAsync(listId, new ImportSubscribersRequest { Subscribers = Rows(batch * 1000, 1000) });
            Assert.False(result.IsPartial);
            Assert.Equal(1000, result.TotalNewSubscribers);
        }

        var pages = new List<int>();
        var everyone = await All(client.GetSubscribersAsync(listId, SubscriberState.Active, paging: new PageRequest { PageSize = 500, PageFetched = p => pages.Add(p.PageNumber) }));
        Assert.Equal(3000, everyone.Count);
        Assert.Equal(Enumerable.Range(1, 6), pages);
        Assert.Equal(3000, everyone.Select(s => s.EmailAddress).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var one = everyone.Single(s => s.EmailAddress == "p000042@example.com");
        Assert.Equal("Person 42", one.Name);
        Assert.Equal("00042", one.CustomFields.Single(f => f.Key == "Zip").Value); // a ZIP stays text
        Assert.Equal("Yes", one.ConsentToTrack);
        Assert.NotNull(one.ListJoinedDate);
        Assert.Equal(3000, (await client.GetListStatsAsync(listId)).TotalActiveSubscribers);
    }

    [Fact]
    public async Task DeletingAndUnsubscribingMoveTheMemberAndAnAddressNotInTheListIsNoError()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = sandbox.Client();
        var listId = await client.CreateListAsync(SandboxHost.ClientId, new CreateListRequest { Title = "Leavers" });
        await client.ImportSubscribersAsync(listId, new ImportSubscribersRequest { Subscribers = Rows(1, 3) });

        Assert.True(await client.DeleteSubscriberAsync(listId, "P000001@example.com"));
        Assert.True(await client.DeleteSubscriberAsync(listId, "p000001@example.com")); // deleted already: the same answer
        Assert.True(await client.UnsubscribeAsync(listId, " p000002@example.com "));
        Assert.False(await client.DeleteSubscriberAsync(listId, "stranger@example.com")); // 203: not in the list
        Assert.False(await client.UnsubscribeAsync(listId, "stranger@example.com"));

        Assert.Equal(new[] { "p000001@example.com" }, (await All(client.GetSubscribersAsync(listId, SubscriberState.Deleted))).Select(s => s.EmailAddress));
        Assert.Equal(new[] { "p000002@example.com" }, (await All(client.GetSubscribersAsync(listId, SubscriberState.Unsubscribed))).Select(s => s.EmailAddress));
        Assert.Equal(new[] { "p000003@example.com" }, (await All(client.GetSubscribersAsync(listId, SubscriberState.Active))).Select(s => s.EmailAddress));
        var unknownList = await Assert.ThrowsAnyAsync<CampaignMonitorException>(() => client.DeleteSubscriberAsync("0123456789abcdef0123456789abcdef", "p000003@example.com"));
        Assert.Contains("101", unknownList.Message);
        await Assert.ThrowsAnyAsync<CampaignMonitorException>(() => client.UnsubscribeAsync(listId, "not-an-address"));
    }

    [Fact]
    public async Task OneSubscribersDetailsHistoryListsAndTheSuppressionList()
    {
        await using var sandbox = await SandboxHost.StartAsync(seed: new State.SeedSpec { ListName = "Admin", Active = 50, Campaigns = 3, Suppressed = new() { "blocked@example.com" } });
        using var client = sandbox.Client();
        var listId = (await client.GetListsAsync(SandboxHost.ClientId)).Single().ListID;
        var someone = (await All(client.GetSubscribersAsync(listId, SubscriberState.Active))).First().EmailAddress;

        var details = await client.GetSubscriberAsync(listId, someone.ToUpperInvariant());
        Assert.Equal(someone, details!.EmailAddress);
        Assert.Equal("Active", details.State);
        Assert.NotNull(details.ConsentToTrack);
        Assert.Null(await client.GetSubscriberAsync(listId, "stranger@example.com"));

        var history = await client.GetSubscriberHistoryAsync(listId, someone);
        Assert.Equal(3, history!.Count);
        Assert.All(history, h => Assert.Equal("Campaign", h.Type));
        Assert.Null(await client.GetSubscriberHistoryAsync(listId, "stranger@example.com"));

        var lists = await client.GetListsForEmailAsync(SandboxHost.ClientId, someone);
        Assert.Equal("Admin", Assert.Single(lists).ListName);
        Assert.Equal("Active", lists[0].SubscriberState);
        Assert.Empty(await client.GetListsForEmailAsync(SandboxHost.ClientId, "stranger@example.com"));

        await client.SuppressAsync(SandboxHost.ClientId, new[] { "later@example.com" });
        var suppressed = await All(client.GetSuppressionListAsync(SandboxHost.ClientId));
        Assert.Equal(new[] { "blocked@example.com", "later@example.com" }, suppressed.Select(s => s.EmailAddress));
        Assert.All(suppressed, s => Assert.Equal("Suppressed", s.State));
        Assert.True(await client.UnsuppressAsync(SandboxHost.ClientId, "BLOCKED@example.com"));
        Assert.False(await client.UnsuppressAsync(SandboxHost.ClientId, "blocked@example.com")); // 176: not suppressed (any more)
        Assert.Equal(new[] { "later@example.com" }, (await All(client.GetSuppressionListAsync(SandboxHost.ClientId))).Select(s => s.EmailAddress));
        await Assert.ThrowsAnyAsync<CampaignMonitorException>(() => client.SuppressAsync(SandboxHost.ClientId, new[] { "not an address" }));
    }

    [Fact]
    public async Task APartialImportComesBackAsAResult()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = sandbox.Client();
        var listId = await sandbox.CreateListAsync("Partial");
        var rows = Rows(0, 3);
        rows.Add(new SubscriberRecord { EmailAddress = "example+1@example", ConsentToTrack = ConsentValues.Yes });
        var result = await client.ImportSubscribersAsync(listId, new ImportSubscribersRequest { Subscribers = rows });
        Assert.True(result.IsPartial);
        Assert.Equal(3, result.TotalNewSubscribers);
        Assert.Equal(1, Assert.Single(result.FailureDetails).Code);
    }

    [Fact]
    public async Task ErrorsFromTheSandboxMapToTheirKinds()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = sandbox.Client();
        var unknown = await Assert.ThrowsAsync<CampaignMonitorApiException>(() => client.GetListStatsAsync("nope"));
        Assert.Equal(ApiErrorKind.UnknownId, unknown.Kind);
        using var wrongKey = sandbox.Client(o => o.ApiKey = "wrong");
        var denied = await Assert.ThrowsAsync<CampaignMonitorApiException>(() => wrongKey.GetListsAsync(SandboxHost.ClientId));
        Assert.Equal(ApiErrorKind.Authentication, denied.Kind);
        Assert.Equal(100, denied.Code);
        var duplicate = await Assert.ThrowsAsync<CampaignMonitorApiException>(async () =>
        {
            await client.CreateListAsync(SandboxHost.ClientId, new CreateListRequest { Title = "Twice" });
            await client.CreateListAsync(SandboxHost.ClientId, new CreateListRequest { Title = "Twice" });
        });
        Assert.Equal(250, duplicate.Code);
    }

    [Fact]
    public async Task CampaignsAndEveryReportStreamAcrossPages()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var seeded = await sandbox.Admin.SeedAsync(new Core.Sandbox.SandboxSeed { ListName = "Reports", Active = 1200, Campaigns = 3, Seed = 5 });
        using var client = sandbox.Client();
        var campaigns = await All(client.GetSentCampaignsAsync(SandboxHost.ClientId, paging: new PageRequest { PageSize = 10 }));
        Assert.Equal(seeded.CampaignIDs.Order(), campaigns.Select(c => c.CampaignID).Order());
        Assert.True(campaigns.Zip(campaigns.Skip(1)).All(p => p.First.SentDate >= p.Second.SentDate), "newest first");
        var newsletter = await All(client.GetSentCampaignsAsync(SandboxHost.ClientId, new SentCampaignFilter { Tags = new[] { "newsletter" } }));
        Assert.All(newsletter, c => Assert.Contains("newsletter", c.Tags));

        var campaign = campaigns[0];
        var recipients = await All(client.GetCampaignActivityAsync(campaign.CampaignID, CampaignActivityType.Recipients, paging: new PageRequest { PageSize = 100 }));
        Assert.Equal(1200, recipients.Count);
        Assert.Equal(campaign.TotalRecipients, recipients.Count);
        var summary = await client.GetCampaignSummaryAsync(campaign.CampaignID);
        foreach (var type in Enum.GetValues<CampaignActivityType>())
        {
            var rows = await All(client.GetCampaignActivityAsync(campaign.CampaignID, type, paging: new PageRequest { PageSize = 50 }));
            var expected = type switch
            {
                CampaignActivityType.Recipients => summary.Recipients,
                CampaignActivityType.Opens => summary.TotalOpened,
                CampaignActivityType.Clicks => summary.Clicks,
                CampaignActivityType.Bounces => summary.Bounced,
                CampaignActivityType.Unsubscribes => summary.Unsubscribed,
                _ => summary.SpamComplaints,
            };
            Assert.Equal(expected, rows.Count);
            Assert.All(rows, r => Assert.Equal(seeded.ListID, r.ListID));
        }
        var clicks = await All(client.GetCampaignActivityAsync(campaign.CampaignID, CampaignActivityType.Clicks));
        Assert.All(clicks, c => Assert.StartsWith("https://example.com/", c.URL));
        var since = clicks.OrderBy(c => c.Date).ElementAt(clicks.Count / 2).Date!.Value;
        var later = await All(client.GetCampaignActivityAsync(campaign.CampaignID, CampaignActivityType.Clicks, since));
        Assert.InRange(later.Count, 1, clicks.Count - 1);
        Assert.All(later, c => Assert.True(c.Date >= since));
    }

    [Fact]
    public async Task StoppingEarlyLeavesTheRestOfThePagesUnrequested()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var seeded = await sandbox.Admin.SeedAsync(new Core.Sandbox.SandboxSeed { ListName = "Big", Active = 5000 });
        using var client = sandbox.Client();
        await sandbox.Admin.ClearRequestsAsync();
        var first = new List<ListSubscriber>();
        await foreach (var s in client.GetSubscribersAsync(seeded.ListID, SubscriberState.Active))
        {
            first.Add(s);
            if (first.Count == 10)
                break;
        }
        await Task.Delay(100);
        var pages = (await sandbox.Admin.GetRequestsAsync()).Where(e => e.Path.EndsWith("active.json")).ToList();
        Assert.InRange(pages.Count, 1, 2);
    }

    [Fact]
    public async Task TransientFaultsAreSurvivedAndEveryRowArrives()
    {
        var faults = new FaultSettings { Seed = 3, ErrorRate = 0.25, DropBeforeRate = 0.1, DropAfterRate = 0.15, PathContains = "import" };
        await using var sandbox = await SandboxHost.StartAsync(faults);
        var listId = await sandbox.CreateListAsync("Faulty");
        using var client = sandbox.Client();
        var imports = Enumerable.Range(0, 16).Select(b => client.ImportSubscribersAsync(listId, new ImportSubscribersRequest { Subscribers = Rows(b * 250, 250) }));
        var results = await Task.WhenAll(imports);
        // A lost response replayed turns New into Existing; together they still account for every row.
        Assert.Equal(4000, results.Sum(r => r.TotalNewSubscribers + r.TotalExistingSubscribers));
        Assert.True(client.RetryCount > 0, "the faults were retried");
        var log = await sandbox.Admin.GetRequestsAsync();
        Assert.Contains(log, e => e.Fault == "500");
        Assert.Contains(log, e => e.Fault.StartsWith("drop", StringComparison.Ordinal));

        await sandbox.Admin.SetFaultsAsync(new Core.Sandbox.SandboxFaults());
        var everyone = await All(client.GetSubscribersAsync(listId, SubscriberState.Active));
        Assert.Equal(4000, everyone.Count);
    }

    [Fact]
    public async Task A429WithHeadersIsWaitedOutAndAPermanentFailureEndsInBoundedTime()
    {
        await using var sandbox = await SandboxHost.StartAsync(new FaultSettings { RateLimit = 1, RateLimitWindowSeconds = 1 });
        using var client = sandbox.Client(o => o.MaxRetryDelay = TimeSpan.FromSeconds(2));
        // Windows are fixed (one a second): of three quick calls at least two share a window, so one of them is over
        // the limit and gets a 429 with Retry-After, which is waited out. (Two calls could straddle a boundary.)
        for (var i = 0; i < 3; i++)
            await client.GetListsAsync(SandboxHost.ClientId);
        Assert.True(client.RetryCount >= 1);

        await sandbox.Admin.SetFaultsAsync(new Core.Sandbox.SandboxFaults { ErrorRate = 1 });
        using var impatient = sandbox.Client(o => o.MaxRetries = 3);
        var ex = await Assert.ThrowsAsync<CampaignMonitorApiException>(() => impatient.GetListsAsync(SandboxHost.ClientId));
        Assert.Equal(4, ex.Attempts);
        Assert.True(ex.IsTransient);
    }
}
