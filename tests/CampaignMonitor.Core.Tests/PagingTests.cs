using CampaignMonitor.Core.Api.Http;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Tests.Support;
using Xunit;

namespace CampaignMonitor.Core.Tests;

public class PagingTests
{
    /// <summary>A list of <paramref name="total"/> active subscribers served in pages of the size asked for.</summary>
    private static StubHandler PagedSubscribers(int total)
    {
        return new StubHandler(request =>
        {
            var page = int.Parse(request.Query("page")!);
            var size = int.Parse(request.Query("pagesize")!);
            var pages = (total + size - 1) / size;
            var rows = Enumerable.Range((page - 1) * size, Math.Max(0, Math.Min(size, total - (page - 1) * size)))
                .Select(i => $$"""{"EmailAddress":"s{{i}}@example.com","Name":"S {{i}}","Date":"2024-01-02 03:04:05","State":"Active","CustomFields":[]}""");
            return StubHandler.Json($$"""
                {"Results":[{{string.Join(",", rows)}}],"ResultsOrderedBy":"email","OrderDirection":"asc","PageNumber":{{page}},
                 "PageSize":{{size}},"RecordsOnThisPage":{{rows.Count()}},"TotalNumberOfRecords":{{total}},"NumberOfPages":{{pages}}}
                """);
        });
    }

    [Fact]
    public async Task EveryPageIsReadInOrder()
    {
        var handler = PagedSubscribers(25);
        using var client = TestClients.Create(handler);
        var pages = new List<PageInfo>();
        var paging = new PageRequest { PageSize = 10, PageFetched = pages.Add };

        var emails = new List<string>();
        await foreach (var s in client.GetSubscribersAsync("list", SubscriberState.Active, paging: paging))
            emails.Add(s.EmailAddress);

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"s{i}@example.com"), emails);
        Assert.Equal(new[] { "1", "2", "3" }, handler.Requests.Select(r => r.Query("page")));
        Assert.Equal(new[] { 1, 2, 3 }, pages.Select(p => p.PageNumber));
        Assert.All(pages, p => Assert.Equal(25, p.TotalNumberOfRecords));
    }

    [Fact]
    public async Task PagesAre1000UnlessAskedOtherwise()
    {
        var handler = PagedSubscribers(3);
        using var client = TestClients.Create(handler);
        await TestClients.Take(client.GetSubscribersAsync("list", SubscriberState.Bounced), 3);
        Assert.Equal("1000", handler.Requests.Single().Query("pagesize"));
        Assert.EndsWith("/lists/list/bounced.json", handler.Requests.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task StoppingEarlyWithoutPrefetchFetchesNoMorePages()
    {
        var handler = PagedSubscribers(5000);
        using var client = TestClients.Create(handler);
        var first = await TestClients.Take(client.GetSubscribersAsync("list", SubscriberState.Active, paging: new PageRequest { Prefetch = false }), 10);
        Assert.Equal(10, first.Count);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task StoppingEarlyWithPrefetchFetchesAtMostOnePageAhead()
    {
        var handler = PagedSubscribers(5000);
        using var client = TestClients.Create(handler);
        var first = await TestClients.Take(client.GetSubscribersAsync("list", SubscriberState.Active), 10);
        Assert.Equal(10, first.Count);
        Assert.InRange(handler.Requests.Count, 1, 2);
    }

    [Fact]
    public async Task TheNextPageIsFetchedWhileThisOneIsRead()
    {
        var handler = PagedSubscribers(3000);
        using var client = TestClients.Create(handler);
        await using var reader = client.GetSubscribersAsync("list", SubscriberState.Active).GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        // Still on the first row of page 1, page 2 is already on its way.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (handler.Requests.Count < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(5);
        Assert.Equal(new[] { "1", "2" }, handler.Requests.Select(r => r.Query("page")));
    }

    [Fact]
    public async Task WhileWaitingForTheNextPageThePageAfterItIsOnItsWayToo()
    {
        // Page 2 is held back until page 3 has been asked for: a reader that waited for one page at a time never ends.
        var pageThreeAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pages = PagedSubscribers(50);
        var handler = new StubHandler(async (request, token) =>
        {
            var page = request.Query("page");
            if (page == "3")
                pageThreeAsked.TrySetResult();
            if (page == "2")
                await pageThreeAsked.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
            return StubHandler.Json(await (await pages.Respond(request, token)).Content.ReadAsStringAsync(token));
        });
        using var client = TestClients.Create(handler);

        var all = await TestClients.Take(client.GetSubscribersAsync("list", SubscriberState.Active, paging: new PageRequest { PageSize = 10 }), 100);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"s{i}@example.com"), all.Select(s => s.EmailAddress));
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, handler.Requests.Select(r => r.Query("page")).Order());
    }

    [Fact]
    public async Task WhileAPageIsReadAtMostOnePageBeyondItHasBeenAskedFor()
    {
        var handler = PagedSubscribers(95);
        using var client = TestClients.Create(handler);
        var index = 0;
        await foreach (var subscriber in client.GetSubscribersAsync("list", SubscriberState.Active, paging: new PageRequest { PageSize = 10 }))
        {
            // Let any page that was set off reach the handler before looking.
            await Task.Delay(1);
            var readingPage = index++ / 10 + 1;
            var furthest = handler.Requests.Max(r => int.Parse(r.Query("page")!));
            Assert.True(furthest <= readingPage + 1, $"reading page {readingPage}, but page {furthest} was asked for");
        }
        Assert.Equal(95, index);
        Assert.Equal(10, handler.Requests.Count);
    }

    [Fact]
    public async Task SinceIsSentAsTheApisDateFilter()
    {
        var handler = PagedSubscribers(1);
        using var client = TestClients.Create(handler);
        await TestClients.Take(client.GetSubscribersAsync("list", SubscriberState.Unsubscribed, new DateTime(2024, 5, 6, 7, 8, 9)), 1);
        Assert.Equal("2024-05-06 07:08:09", handler.Requests.Single().Query("date"));
    }

    [Fact]
    public async Task AnEmptyListIsOneRequestAndNoItems()
    {
        var handler = PagedSubscribers(0);
        using var client = TestClients.Create(handler);
        var all = await TestClients.Take(client.GetSubscribersAsync("list", SubscriberState.Deleted), 1);
        Assert.Empty(all);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task CampaignFiltersUseTheApisNamesAndFormats()
    {
        var (client, handler) = TestClients.Serving(Fixtures.Read("createsend-ruby", "campaigns.json"));
        var filter = new SentCampaignFilter { SentFrom = new DateTime(2024, 1, 31, 13, 0, 0), SentTo = new DateTime(2024, 2, 29), Tags = new[] { "news", "promo" } };
        await TestClients.Take(client.GetSentCampaignsAsync("client", filter), 1);
        var request = handler.Requests.Single();
        Assert.Equal("2024-01-31", request.Query("sentfromdate"));
        Assert.Equal("2024-02-29", request.Query("senttodate"));
        Assert.Equal("news,promo", request.Query("tags"));
        Assert.Equal("1", request.Query("page"));
    }

    [Fact]
    public async Task RecipientsHaveNoDateFilterSoNoneIsSent()
    {
        var (client, handler) = TestClients.Serving(Fixtures.Read("createsend-ruby", "campaign_recipients.json"));
        await TestClients.Take(client.GetCampaignActivityAsync("cmp", CampaignActivityType.Recipients, new DateTime(2024, 1, 1)), 1);
        Assert.Null(handler.Requests.First().Query("date"));
        var (client2, handler2) = TestClients.Serving(Fixtures.Read("createsend-ruby", "campaign_opens.json"));
        await TestClients.Take(client2.GetCampaignActivityAsync("cmp", CampaignActivityType.Opens, new DateTime(2024, 1, 1)), 1);
        Assert.Equal("2024-01-01 00:00:00", handler2.Requests.First().Query("date"));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(1001)]
    public void PageSizesTheApiRefusesAreRefusedHere(int size)
    {
        var (client, _) = TestClients.Serving("{}");
        Assert.Throws<ArgumentOutOfRangeException>(() => client.GetSubscribersAsync("l", SubscriberState.Active, paging: new PageRequest { PageSize = size }));
    }
}
