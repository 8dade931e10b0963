using System.Net;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Tests.Support;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>
/// Every fixture of an endpoint the client covers, from all four libraries, read through the client itself
/// (served by a stub handler) into the right models with the right values — differences between libraries included.
/// </summary>
public class FixtureParsingTests
{
    private static (Api.CampaignMonitorClient Client, StubHandler Handler) Serve(string library, string file, HttpStatusCode status = HttpStatusCode.OK) =>
        TestClients.Serving(Fixtures.Read(library, file), status);

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "lists.json", MemberType = typeof(Fixtures))]
    public async Task Lists(string library)
    {
        var (client, _) = Serve(library, "lists.json");
        var lists = await client.GetListsAsync("client");
        Assert.Equal(2, lists.Count);
        Assert.Equal("a58ee1d3039b8bec838e6d1482a8a965", lists[0].ListID);
        Assert.Equal("List One", lists[0].Name);
        Assert.Equal("99bc35084a5739127a8ab81eae5bd305", lists[1].ListID);
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "create_list.json", MemberType = typeof(Fixtures))]
    public async Task CreateList(string library)
    {
        var (client, _) = Serve(library, "create_list.json", HttpStatusCode.Created);
        var id = await client.CreateListAsync("client", new CreateListRequest { Title = "x" });
        Assert.StartsWith("e3c5f034d68744f7881fdccf13c2daee", id);
        // python's fixture has a 36-character id; the others the usual 32.
        Assert.Equal(library == "createsend-python" ? 36 : 32, id.Length);
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "list_details.json", MemberType = typeof(Fixtures))]
    public async Task ListDetails(string library)
    {
        var (client, _) = Serve(library, "list_details.json");
        var details = await client.GetListDetailsAsync("2fe4c8f0373ce320e2200596d7ef168f");
        Assert.Equal("a non-basic list :)", details.Title);
        Assert.Equal("2fe4c8f0373ce320e2200596d7ef168f", details.ListID);
        Assert.Equal(UnsubscribeSettings.AllClientLists, details.UnsubscribeSetting);
        Assert.False(details.ConfirmedOptIn);
        Assert.Equal("", details.UnsubscribePage);
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "list_stats.json", MemberType = typeof(Fixtures))]
    public async Task ListStats(string library)
    {
        var (client, _) = Serve(library, "list_stats.json");
        var stats = await client.GetListStatsAsync("list");
        Assert.Equal(6, stats.TotalActiveSubscribers);
        Assert.Equal(8, stats.NewActiveSubscribersYesterday);
        Assert.Equal(2, stats.TotalUnsubscribes);
        Assert.Equal(0, stats.TotalBounces);
        Assert.Null(stats.AdditionalProperties);
    }

    [Fact]
    public async Task ListStatsKeepsPropertiesTheApiAddsLater()
    {
        var (client, _) = TestClients.Serving("""{"TotalActiveSubscribers":3,"TotalSmsSubscribers":"12"}""");
        var stats = await client.GetListStatsAsync("list");
        Assert.Equal(3, stats.TotalActiveSubscribers);
        Assert.Equal("12", stats.AdditionalProperties!["TotalSmsSubscribers"].GetString());
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "custom_fields.json", MemberType = typeof(Fixtures))]
    public async Task CustomFields(string library)
    {
        var (client, _) = Serve(library, "custom_fields.json");
        var fields = await client.GetCustomFieldsAsync("list");
        var date = Assert.Single(fields, f => f.FieldName == "subscription date");
        Assert.Equal("[subscriptiondate]", date.Key);
        Assert.Equal(CustomFieldTypes.Date, date.DataType);
        Assert.Empty(date.FieldOptions);
        Assert.Contains(fields, f => f.Key == "[website]" && f.DataType == CustomFieldTypes.Text && f.VisibleInPreferenceCenter);
    }

    [Fact]
    public async Task CustomFieldOptionsInUtf8()
    {
        var (client, _) = Serve("createsend-python", "custom_fields_utf8.json");
        var fields = await client.GetCustomFieldsAsync("list");
        Assert.Equal(new[] { "£0-20k", "£20-30k", "£30k+" }, fields[0].FieldOptions);
        Assert.Equal(CustomFieldTypes.MultiSelectOne, fields[0].DataType);
        Assert.Equal("[age]", fields[1].Key);
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "create_custom_field.json", MemberType = typeof(Fixtures))]
    public async Task CreateCustomField(string library)
    {
        var (client, _) = Serve(library, "create_custom_field.json", HttpStatusCode.Created);
        var key = await client.CreateCustomFieldAsync("list", new CreateCustomFieldRequest { FieldName = "new date field", DataType = CustomFieldTypes.Date });
        Assert.Equal("[newdatefield]", key);
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "import_subscribers.json", MemberType = typeof(Fixtures))]
    public async Task Import(string library)
    {
        var (client, _) = Serve(library, "import_subscribers.json", HttpStatusCode.Created);
        var result = await client.ImportSubscribersAsync("list", OneRowImport());
        Assert.False(result.IsPartial);
        Assert.Equal(3, result.TotalNewSubscribers);
        Assert.Equal(3, result.TotalUniqueEmailsSubmitted);
        Assert.Equal(0, result.TotalExistingSubscribers);
        Assert.Empty(result.FailureDetails);
        Assert.Empty(result.DuplicateEmailsInSubmission);
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "import_subscribers_partial_success.json", MemberType = typeof(Fixtures))]
    public async Task PartialImportIsAResultNotAnError(string library)
    {
        var (client, _) = Serve(library, "import_subscribers_partial_success.json", HttpStatusCode.BadRequest);
        var result = await client.ImportSubscribersAsync("list", OneRowImport());
        Assert.True(result.IsPartial);
        Assert.Equal(2, result.TotalExistingSubscribers);
        var failure = Assert.Single(result.FailureDetails);
        Assert.Equal("example+1@example", failure.EmailAddress);
        Assert.Equal(1, failure.Code);
        Assert.Equal("Invalid Email Address", failure.Message);
    }

    public static IEnumerable<object[]> SubscriberFixtures() =>
        from library in Fixtures.Libraries
        from state in Enum.GetValues<SubscriberState>()
        let file = $"{state.ToString().ToLowerInvariant()}_subscribers.json"
        where Fixtures.Exists(library, file)
        select new object[] { library, state.ToString() };

    [Theory]
    [MemberData(nameof(SubscriberFixtures))]
    public async Task SubscribersInEveryState(string library, string stateName)
    {
        var state = Enum.Parse<SubscriberState>(stateName);
        var file = $"{state.ToString().ToLowerInvariant()}_subscribers.json";
        var expected = System.Text.Json.JsonDocument.Parse(Fixtures.Read(library, file)).RootElement.GetProperty("Results");
        var (client, handler) = Serve(library, file);
        var subscribers = await TestClients.Take(client.GetSubscribersAsync("list", state), expected.GetArrayLength());

        Assert.Equal(expected.GetArrayLength(), subscribers.Count);
        Assert.EndsWith($"/lists/list/{state.ToString().ToLowerInvariant()}.json", handler.Requests.First().Uri.AbsolutePath);
        for (var i = 0; i < subscribers.Count; i++)
        {
            var row = expected[i];
            Assert.Equal(row.GetProperty("EmailAddress").GetString(), subscribers[i].EmailAddress);
            Assert.Equal(row.GetProperty("Name").GetString(), subscribers[i].Name);
            Assert.Equal(state.ToString(), subscribers[i].State);
            Assert.Equal(DateTimeKind.Unspecified, subscribers[i].Date!.Value.Kind);
            Assert.Equal(row.GetProperty("Date").GetString(), subscribers[i].Date!.Value.ToString("yyyy-MM-dd HH:mm:ss"));
            // ListJoinedDate arrived with v3.3: the pre-3.3 node fixtures have none, and that is no error.
            if (row.TryGetProperty("ListJoinedDate", out var joined))
                Assert.Equal(joined.GetString(), subscribers[i].ListJoinedDate!.Value.ToString("yyyy-MM-dd HH:mm:ss"));
            else
                Assert.Null(subscribers[i].ListJoinedDate);
            Assert.Equal(row.GetProperty("CustomFields").GetArrayLength(), subscribers[i].CustomFields.Count);
        }
    }

    [Fact]
    public async Task MultiSelectValuesArriveAsRepeatedKeys()
    {
        var (client, _) = Serve("createsend-ruby", "active_subscribers.json");
        var first = (await TestClients.Take(client.GetSubscribersAsync("list", SubscriberState.Active), 1))[0];
        Assert.Equal(new[] { "option one", "option two" }, first.CustomFields.Where(f => f.Key == "multi select field").Select(f => f.Value));
        Assert.Equal("2010-03-09", first.CustomFields.Single(f => f.Key == "subscription date").Value);
        Assert.Equal("Gmail", first.ReadsEmailWith);
    }

    [Fact]
    public async Task RubyUnconfirmedSubscribersCarryConsent()
    {
        var (client, _) = Serve("createsend-ruby", "unconfirmed_subscribers.json");
        var first = (await TestClients.Take(client.GetSubscribersAsync("list", SubscriberState.Unconfirmed), 1))[0];
        Assert.Equal("Yes", first.ConsentToTrack);
        Assert.Equal("No", first.ConsentToSendSms);
    }

    [Fact]
    public async Task TrackingPreferenceIsRequestedAndRead()
    {
        var (client, handler) = Serve("createsend-python", "active_subscribers_with_tracking_preference.json");
        var expected = System.Text.Json.JsonDocument.Parse(Fixtures.Read("createsend-python", "active_subscribers_with_tracking_preference.json"))
            .RootElement.GetProperty("Results");
        var subscribers = await TestClients.Take(client.GetSubscribersAsync("list", SubscriberState.Active), expected.GetArrayLength());
        Assert.Equal("true", handler.Requests.First().Query("includetrackingpreference"));
        Assert.Equal(expected[0].GetProperty("ConsentToTrack").GetString(), subscribers[0].ConsentToTrack);
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "campaigns.json", MemberType = typeof(Fixtures))]
    public async Task SentCampaignsPagedOrBareArray(string library)
    {
        var (client, _) = Serve(library, "campaigns.json");
        var campaigns = await TestClients.Take(client.GetSentCampaignsAsync("client"), 2);
        Assert.Equal(2, campaigns.Count);
        Assert.Equal("fc0ce7105baeaf97f47c99be31d02a91", campaigns[0].CampaignID);
        Assert.Equal("Campaign One", campaigns[0].Subject);
        Assert.Equal(new DateTime(2010, 10, 12, 12, 58, 0), campaigns[0].SentDate);
        Assert.Equal(2245, campaigns[0].TotalRecipients);
        Assert.Equal(11222, campaigns[1].TotalRecipients);
        // Tags are v3.3: each library's fixture has its own, and node's (a bare array, pre-3.3) has none at all.
        var root = System.Text.Json.JsonDocument.Parse(Fixtures.Read(library, "campaigns.json")).RootElement;
        var rows = root.ValueKind == System.Text.Json.JsonValueKind.Array ? root : root.GetProperty("Results");
        for (var i = 0; i < 2; i++)
        {
            var expectedTags = rows[i].TryGetProperty("Tags", out var tags) ? tags.EnumerateArray().Select(t => t.GetString()!).ToArray() : Array.Empty<string>();
            Assert.Equal(expectedTags, campaigns[i].Tags);
        }
        if (library == "createsend-node")
            Assert.All(campaigns, c => Assert.Empty(c.Tags));
        else
            Assert.Contains(campaigns, c => c.Tags.Count > 0);
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "campaign_summary.json", MemberType = typeof(Fixtures))]
    public async Task CampaignSummary(string library)
    {
        var (client, _) = Serve(library, "campaign_summary.json");
        var summary = await client.GetCampaignSummaryAsync("campaign");
        Assert.Equal(5, summary.Recipients);
        Assert.Equal(10, summary.TotalOpened);
        Assert.Equal(5, summary.UniqueOpened);
        Assert.Equal(23, summary.SpamComplaints);
        Assert.Equal(System.Text.Json.JsonDocument.Parse(Fixtures.Read(library, "campaign_summary.json")).RootElement.GetProperty("WorldviewURL").GetString(),
            summary.WorldviewURL);
        switch (library)
        {
            case "createsend-php":
                Assert.Equal(18, summary.ForwardToAFriends);
                Assert.Equal(25, summary.FacebookLikes);
                Assert.Null(summary.Mentions);
                Assert.Equal("Campaign One", summary.Name);
                break;
            case "createsend-node":
                Assert.Null(summary.Name);
                Assert.Equal(23, summary.Mentions);
                break;
            default:
                Assert.Equal(library == "createsend-python" ? "Last Campaign" : "Campaign Name", summary.Name);
                Assert.Equal(11, summary.Forwards);
                Assert.Equal(32, summary.Likes);
                break;
        }
    }

    public static IEnumerable<object[]> ActivityFixtures() =>
        from library in Fixtures.Libraries
        from type in Enum.GetValues<CampaignActivityType>()
        let file = ActivityFile(type)
        where Fixtures.Exists(library, file)
        select new object[] { library, type.ToString() };

    private static string ActivityFile(CampaignActivityType type) =>
        type == CampaignActivityType.SpamComplaints ? "campaign_spam.json" : $"campaign_{type.ToString().ToLowerInvariant()}.json";

    [Theory]
    [MemberData(nameof(ActivityFixtures))]
    public async Task CampaignActivity(string library, string typeName)
    {
        var type = Enum.Parse<CampaignActivityType>(typeName);
        var json = Fixtures.Read(library, ActivityFile(type));
        var expected = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("Results");
        var (client, handler) = Serve(library, ActivityFile(type));
        var rows = await TestClients.Take(client.GetCampaignActivityAsync("campaign", type), expected.GetArrayLength());

        Assert.EndsWith($"/campaigns/campaign/{Api.Models.CampaignActivityTypes.PathSegment(type)}.json", handler.Requests.First().Uri.AbsolutePath);
        Assert.Equal(expected.GetArrayLength(), rows.Count);
        var first = expected[0];
        Assert.Equal(first.GetProperty("EmailAddress").GetString(), rows[0].EmailAddress);
        Assert.Equal(first.GetProperty("ListID").GetString(), rows[0].ListID);
        if (type == CampaignActivityType.Recipients)
            Assert.Null(rows[0].Date);
        else
            Assert.Equal(first.GetProperty("Date").GetString(), rows[0].Date!.Value.ToString("yyyy-MM-dd HH:mm:ss"));
        switch (type)
        {
            case CampaignActivityType.Clicks:
                Assert.Equal(first.GetProperty("URL").GetString(), rows[0].URL);
                goto case CampaignActivityType.Opens;
            case CampaignActivityType.Opens:
                Assert.Equal(-33.8683, rows[0].Latitude);
                Assert.Equal(151.2086, rows[0].Longitude);
                Assert.Equal("AU", rows[0].CountryCode);
                Assert.Equal("Sydney", rows[0].City);
                break;
            case CampaignActivityType.Bounces:
                Assert.Equal("Soft", rows[0].BounceType);
                Assert.Equal(first.GetProperty("Reason").GetString(), rows[0].Reason);
                break;
            case CampaignActivityType.Unsubscribes:
                Assert.Equal("192.168.126.87", rows[0].IPAddress);
                break;
        }
    }

    internal static ImportSubscribersRequest OneRowImport() => new()
    {
        Subscribers = new[] { new SubscriberRecord { EmailAddress = "a@example.com", ConsentToTrack = ConsentValues.Yes } },
    };
}

public class CustomFieldValuesTests
{
    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "active_subscribers.json", MemberType = typeof(Fixtures))]
    public async Task FieldsReadByNameWithMultiSelectValuesAsArrays(string library)
    {
        var (client, _) = TestClients.Serving(Fixtures.Read(library, "active_subscribers.json"));
        var first = (await TestClients.Take(client.GetSubscribersAsync("list", SubscriberState.Active), 1))[0];
        var fields = Core.Readers.CustomFieldValues.ByName(first.CustomFields);
        var website = first.CustomFields.First(f => f.Key == "website").Value; // http in most fixtures, https in python's
        Assert.Equal(website, fields["website"]);
        Assert.Equal(website, fields["WEBSITE"]);
        if (first.CustomFields.Count(f => f.Key == "multi select field") > 1)
            Assert.Equal(new[] { "option one", "option two" }, Assert.IsType<string?[]>(fields["multi select field"]));
    }

    [Fact]
    public void ValuesAreTypedByTheirFieldsTypes()
    {
        var one = new[]
        {
            new SubscriberCustomField { Key = "[Likes]", Value = "Tea" }, new SubscriberCustomField { Key = "Zip", Value = "02134" },
            new SubscriberCustomField { Key = "Points", Value = "13" }, new SubscriberCustomField { Key = "Joined", Value = "2024-05-06" },
            new SubscriberCustomField { Key = "Broken", Value = "not a number" },
        };
        var definitions = new[]
        {
            new CustomFieldDefinition { FieldName = "Likes", DataType = CustomFieldTypes.MultiSelectMany }, new CustomFieldDefinition { FieldName = "Zip", DataType = CustomFieldTypes.Text },
            new CustomFieldDefinition { FieldName = "Points", DataType = CustomFieldTypes.Number }, new CustomFieldDefinition { FieldName = "Joined", DataType = CustomFieldTypes.Date },
            new CustomFieldDefinition { FieldName = "Broken", DataType = CustomFieldTypes.Number },
        };
        var fields = Core.Readers.CustomFieldValues.ByName(one, definitions);
        Assert.Equal(new[] { "Tea" }, fields["Likes"]);
        Assert.Equal("02134", fields["Zip"]);
        Assert.Equal(13m, fields["Points"]);
        Assert.Equal(new DateTime(2024, 5, 6), fields["Joined"]);
        Assert.Equal("not a number", fields["Broken"]);
    }
}
