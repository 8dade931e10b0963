using System.Net;
using CampaignMonitor.Core.Tests.Support;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>
/// The subscriber administration endpoints (issue 17): every library's fixture read through the client, and the
/// requests the client makes (path, query, method, body) for each.
/// </summary>
public class SubscriberAdministrationFixtureTests
{
    private static (Api.CampaignMonitorClient Client, StubHandler Handler) Serve(string library, string file) =>
        TestClients.Serving(Fixtures.Read(library, file));

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "subscriber_details.json", MemberType = typeof(Fixtures))]
    public async Task SubscriberDetails(string library)
    {
        var (client, handler) = Serve(library, "subscriber_details.json");
        var subscriber = await client.GetSubscriberAsync("list1", " Subscriber@Example.com ");
        Assert.NotNull(subscriber);
        Assert.Contains("@", subscriber!.EmailAddress);
        Assert.Equal("Active", subscriber.State);
        Assert.Equal(3, subscriber.CustomFields.Count);
        Assert.Equal(new DateTime(2010, 10, 25, 10, 28, 0), subscriber.Date);
        var request = handler.Requests.Single();
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/api/v3.3/subscribers/list1.json", request.Uri.AbsolutePath);
        Assert.Equal("Subscriber@Example.com", request.Query("email"));
        Assert.Equal("true", request.Query("includetrackingpreference"));
    }

    [Fact]
    public async Task ConsentAndMobileNumberComeBackWhenTheApiSendsThem()
    {
        var (client, _) = Serve("createsend-ruby", "subscriber_details_with_track_and_sms_pref.json");
        var subscriber = await client.GetSubscriberAsync("list1", "subscriber@example.com");
        Assert.Equal("Yes", subscriber!.ConsentToTrack);
        Assert.Equal("No", subscriber.ConsentToSendSms);
        Assert.Equal("+61423153526", subscriber.MobileNumber);
    }

    [Fact]
    public async Task AnAddressNotInTheListIsNullNotAnError()
    {
        var (client, _) = TestClients.Serving("""{"Code":203,"Message":"Subscriber not in list or has already been removed."}""", HttpStatusCode.BadRequest);
        Assert.Null(await client.GetSubscriberAsync("list1", "nobody@example.com"));
        Assert.Null(await client.GetSubscriberHistoryAsync("list1", "nobody@example.com"));
        Assert.False(await client.DeleteSubscriberAsync("list1", "nobody@example.com"));
        Assert.False(await client.UnsubscribeAsync("list1", "nobody@example.com"));
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "subscriber_history.json", MemberType = typeof(Fixtures))]
    public async Task SubscriberHistory(string library)
    {
        var (client, handler) = Serve(library, "subscriber_history.json");
        var history = await client.GetSubscriberHistoryAsync("list1", "subscriber@example.com");
        var campaign = Assert.Single(history!);
        Assert.Equal("fc0ce7105baeaf97f47c99be31d02a91", campaign.ID);
        Assert.Equal("Campaign", campaign.Type);
        Assert.Equal(6, campaign.Actions.Count);
        Assert.Equal("Open", campaign.Actions[0].Event);
        Assert.Equal(new DateTime(2010, 10, 12, 13, 18, 0), campaign.Actions[0].Date);
        Assert.Equal("192.168.126.87", campaign.Actions[0].IPAddress);
        Assert.Contains(campaign.Actions, a => a.Event == "Click" && a.Detail!.StartsWith("http", StringComparison.Ordinal));
        Assert.Equal("/api/v3.3/subscribers/list1/history.json", handler.Requests.Single().Uri.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "listsforemail.json", MemberType = typeof(Fixtures))]
    public async Task ListsForEmail(string library)
    {
        var (client, handler) = Serve(library, "listsforemail.json");
        var lists = await client.GetListsForEmailAsync("client1", "subscriber@example.com");
        Assert.Equal(2, lists.Count);
        Assert.Equal("ab4a2b57c7c8f1ba62f898a1af1a575b", lists[0].ListID);
        Assert.Equal("List Number One", lists[0].ListName);
        Assert.Equal("Active", lists[0].SubscriberState);
        Assert.Equal("Unsubscribed", lists[1].SubscriberState);
        Assert.Equal(new DateTime(2012, 8, 20, 22, 32, 0), lists[0].DateSubscriberAdded);
        var request = handler.Requests.Single();
        Assert.Equal("/api/v3.3/clients/client1/listsforemail.json", request.Uri.AbsolutePath);
        Assert.Equal("subscriber@example.com", request.Query("email"));
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "suppressionlist.json", MemberType = typeof(Fixtures))]
    public async Task SuppressionList(string library)
    {
        var (client, handler) = Serve(library, "suppressionlist.json");
        var suppressed = await TestClients.Take(client.GetSuppressionListAsync("client1"), 10);
        Assert.Equal(5, suppressed.Count);
        Assert.Equal("example+1@example.com", suppressed[0].EmailAddress);
        Assert.Equal("Unsubscribed", suppressed[0].SuppressionReason);
        Assert.Equal("Suppressed", suppressed[0].State);
        Assert.Equal(new DateTime(2010, 10, 26, 10, 55, 31), suppressed[0].Date);
        var request = handler.Requests.First();
        Assert.Equal("/api/v3.3/clients/client1/suppressionlist.json", request.Uri.AbsolutePath);
        Assert.Equal("1", request.Query("page"));
    }

    [Fact]
    public async Task SuppressSendsOneBatchAndUnsuppressSaysWhenTheAddressWasNotSuppressed()
    {
        var (client, handler) = TestClients.Serving("");
        await client.SuppressAsync("client1", new[] { " a@example.com", "b@example.com " });
        var suppress = handler.Requests.Single();
        Assert.Equal(HttpMethod.Post, suppress.Method);
        Assert.Equal("/api/v3.3/clients/client1/suppress.json", suppress.Uri.AbsolutePath);
        Assert.Equal("""{"EmailAddresses":["a@example.com","b@example.com"]}""", suppress.Body);
        await Assert.ThrowsAsync<ArgumentException>(() => client.SuppressAsync("client1", Enumerable.Range(0, 101).Select(i => $"p{i}@example.com").ToList()));

        Assert.True(await client.UnsuppressAsync("client1", "a@example.com"));
        var unsuppress = handler.Requests.Last();
        Assert.Equal(HttpMethod.Put, unsuppress.Method);
        Assert.Equal("/api/v3.3/clients/client1/unsuppress.json", unsuppress.Uri.AbsolutePath);
        Assert.Equal("a@example.com", unsuppress.Query("email"));
        var (refusing, _) = TestClients.Serving("""{"Code":176,"Message":"Email address not suppressed"}""", HttpStatusCode.BadRequest);
        Assert.False(await refusing.UnsuppressAsync("client1", "a@example.com"));
    }

    [Fact]
    public async Task DeleteAndUnsubscribeAskForWhatTheApiDocuments()
    {
        var (client, handler) = TestClients.Serving("");
        Assert.True(await client.DeleteSubscriberAsync("list1", "a+b@example.com"));
        Assert.True(await client.UnsubscribeAsync("list1", "c@example.com"));
        var delete = handler.Requests.First();
        Assert.Equal(HttpMethod.Delete, delete.Method);
        Assert.Equal("/api/v3.3/subscribers/list1.json", delete.Uri.AbsolutePath);
        Assert.Equal("a+b@example.com", delete.Query("email"));
        var unsubscribe = handler.Requests.Last();
        Assert.Equal(HttpMethod.Post, unsubscribe.Method);
        Assert.Equal("/api/v3.3/subscribers/list1/unsubscribe.json", unsubscribe.Uri.AbsolutePath);
        Assert.Equal("""{"EmailAddress":"c@example.com"}""", unsubscribe.Body);
    }
}
