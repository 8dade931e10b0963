using System.Text.Json;
using Xunit;

namespace CampaignMonitor.Sandbox.Tests;

/// <summary>
/// For each endpoint, the sandbox answers with the property names and JSON types of the createsend libraries'
/// recorded responses (ruby's v3.3 fixtures), on a list holding every kind of data those fixtures show.
/// </summary>
public class ContractTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private string _listId = "";
    private string _campaignId = "";

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync();
        _listId = await _sandbox.CreateListAsync("Contract");
        await _sandbox.CreateFieldAsync(_listId, "website", "Text");
        await _sandbox.CreateFieldAsync(_listId, "multi select field", "MultiSelectMany", "option one", "option two");
        await _sandbox.CreateFieldAsync(_listId, "age", "Number");
        await _sandbox.CreateFieldAsync(_listId, "subscription date", "Date");
        var (status, _) = await _sandbox.PostAsync($"subscribers/{_listId}/import.json", """
            {"Subscribers":[{"EmailAddress":"person.one@example.com","Name":"Person One","ConsentToTrack":"Yes","CustomFields":[
              {"Key":"[website]","Value":"http://example.com"},{"Key":"[multiselectfield]","Value":"option one"},
              {"Key":"[multiselectfield]","Value":"option two"},{"Key":"age","Value":"24"},{"Key":"subscription date","Value":"2010/03/09"}]}],
             "Resubscribe":false}
            """);
        Assert.Equal(201, status);
        var fields = new Dictionary<string, string> { ["website"] = "http://example.com" };
        var seeded = await _sandbox.Admin.SeedAsync(new Core.Sandbox.SandboxSeed
        {
            ListName = "Contract", Active = 20, Campaigns = 1,
            Subscribers =
            {
                new() { EmailAddress = "unconfirmed@example.com", Name = "U", State = "Unconfirmed", CustomFields = fields },
                new() { EmailAddress = "unsubscribed@example.com", Name = "U", State = "Unsubscribed", CustomFields = fields },
                new() { EmailAddress = "bounced@example.com", Name = "B", State = "Bounced", CustomFields = fields },
                new() { EmailAddress = "deleted@example.com", Name = "D", State = "Deleted", CustomFields = fields },
            },
        });
        _campaignId = seeded.CampaignIDs.Single();
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private async Task<JsonElement> Ok(string path, int status = 200)
    {
        var (actual, body) = await _sandbox.GetAsync(path);
        Assert.True(actual == status, $"{path}: HTTP {actual} {body}");
        return body;
    }

    [Fact]
    public async Task Lists() => Shape.AssertMatches(Shape.Fixture("lists.json"), await Ok($"clients/{SandboxHost.ClientId}/lists.json"));

    [Fact]
    public async Task ListDetails() => Shape.AssertMatches(Shape.Fixture("list_details.json"), await Ok($"lists/{_listId}.json"));

    [Fact]
    public async Task ListStats() => Shape.AssertMatches(Shape.Fixture("list_stats.json"), await Ok($"lists/{_listId}/stats.json"));

    [Fact]
    public async Task CustomFields() => Shape.AssertMatches(Shape.Fixture("custom_fields.json"), await Ok($"lists/{_listId}/customfields.json"));

    [Fact]
    public async Task CreateListAndFieldAnswerBareStrings()
    {
        var (status, id) = await _sandbox.PostAsync($"lists/{SandboxHost.ClientId}.json", """{"Title":"Another"}""");
        Assert.Equal(201, status);
        Shape.AssertMatches(Shape.Fixture("create_list.json"), id);
        Assert.Matches("^[0-9a-f]{32}$", id.GetString());
        var (fieldStatus, key) = await _sandbox.PostAsync($"lists/{id.GetString()}/customfields.json", """{"FieldName":"new date field","DataType":"Date","Options":[],"VisibleInPreferenceCenter":true}""");
        Assert.Equal(201, fieldStatus);
        Assert.Equal(Shape.Fixture("create_custom_field.json").GetString(), key.GetString());
    }

    [Fact]
    public async Task AddSubscriber()
    {
        var (status, body) = await _sandbox.PostAsync($"subscribers/{_listId}.json", """{"EmailAddress":"subscriber@example.com","Name":"S","ConsentToTrack":"Yes","Resubscribe":true}""");
        Assert.Equal(201, status);
        Assert.Equal(Shape.Fixture("add_subscriber.json").GetString(), body.GetString());
    }

    [Fact]
    public async Task ImportAndPartialImport()
    {
        var (status, body) = await _sandbox.PostAsync($"subscribers/{_listId}/import.json",
            """{"Subscribers":[{"EmailAddress":"a1@example.com","ConsentToTrack":"Yes"},{"EmailAddress":"a1@example.com","ConsentToTrack":"Yes"}],"Resubscribe":false}""");
        Assert.Equal(201, status);
        Shape.AssertMatches(Shape.Fixture("import_subscribers.json"), body);
        Assert.Equal("a1@example.com", body.GetProperty("DuplicateEmailsInSubmission")[0].GetString());

        (status, body) = await _sandbox.PostAsync($"subscribers/{_listId}/import.json",
            """{"Subscribers":[{"EmailAddress":"example+1@example","ConsentToTrack":"Yes"},{"EmailAddress":"a2@example.com","ConsentToTrack":"Yes"}],"Resubscribe":false}""");
        Assert.Equal(400, status);
        Shape.AssertMatches(Shape.Fixture("import_subscribers_partial_success.json"), body);
        Assert.Equal(210, body.GetProperty("Code").GetInt32());
    }

    [Theory]
    [InlineData("active", "active_subscribers.json")]
    [InlineData("unconfirmed", "unconfirmed_subscribers.json")]
    [InlineData("unsubscribed", "unsubscribed_subscribers.json")]
    [InlineData("bounced", "bounced_subscribers.json")]
    [InlineData("deleted", "deleted_subscribers.json")]
    public async Task SubscribersByState(string state, string fixture) =>
        Shape.AssertMatches(Shape.Fixture(fixture), await Ok($"lists/{_listId}/{state}.json?includetrackingpreference=true&includesmspreference=true"));

    [Fact]
    public async Task TrackingPreferenceOnlyWhenAskedFor()
    {
        var with = await Ok($"lists/{_listId}/active.json?includeTrackingPreference=true");
        Assert.Equal("Yes", with.GetProperty("Results").EnumerateArray().Single(r => r.GetProperty("EmailAddress").GetString() == "person.one@example.com").GetProperty("ConsentToTrack").GetString());
        var without = await Ok($"lists/{_listId}/active.json");
        Assert.False(without.GetProperty("Results")[0].TryGetProperty("ConsentToTrack", out _));
        Shape.AssertMatches(Shape.Fixture("active_subscribers_with_tracking_preference.json", "createsend-python"), with);
    }

    [Fact]
    public async Task SentCampaigns() => Shape.AssertMatches(Shape.Fixture("campaigns.json"), await Ok($"clients/{SandboxHost.ClientId}/campaigns.json"));

    [Fact]
    public async Task CampaignSummary() => Shape.AssertMatches(Shape.Fixture("campaign_summary.json"), await Ok($"campaigns/{_campaignId}/summary.json"));

    [Theory]
    [InlineData("recipients", "campaign_recipients.json")]
    [InlineData("opens", "campaign_opens.json")]
    [InlineData("clicks", "campaign_clicks.json")]
    [InlineData("bounces", "campaign_bounces.json")]
    [InlineData("unsubscribes", "campaign_unsubscribes.json")]
    [InlineData("spam", "campaign_spam.json")]
    public async Task CampaignReports(string report, string fixture)
    {
        var body = await Ok($"campaigns/{_campaignId}/{report}.json");
        Shape.AssertMatches(Shape.Fixture(fixture), body);
        Assert.True(body.GetProperty("TotalNumberOfRecords").GetInt32() >= 0);
    }

    [Fact]
    public async Task SubscriberDetails() =>
        Shape.AssertMatches(Shape.Fixture("subscriber_details_with_track_and_sms_pref.json"), await Ok($"subscribers/{_listId}.json?email=person.one@example.com&includetrackingpreference=true"));

    [Fact]
    public async Task SubscriberHistory()
    {
        var member = (await Ok($"campaigns/{_campaignId}/recipients.json")).GetProperty("Results")[0].GetProperty("EmailAddress").GetString();
        Shape.AssertMatches(Shape.Fixture("subscriber_history.json"), await Ok($"subscribers/{_listId}/history.json?email={Uri.EscapeDataString(member!)}"));
    }

    [Fact]
    public async Task ListsForEmail() =>
        Shape.AssertMatches(Shape.Fixture("listsforemail.json"), await Ok($"clients/{SandboxHost.ClientId}/listsforemail.json?email=person.one@example.com"));

    [Fact]
    public async Task SuppressionList()
    {
        var (status, _) = await _sandbox.PostAsync($"clients/{SandboxHost.ClientId}/suppress.json", """{"EmailAddresses":["example+1@example.com","example+2@example.com"]}""");
        Assert.Equal(200, status);
        Shape.AssertMatches(Shape.Fixture("suppressionlist.json"), await Ok($"clients/{SandboxHost.ClientId}/suppressionlist.json"));
    }

    [Fact]
    public async Task SystemDate() => Shape.AssertMatches(Shape.Fixture("systemdate.json"), await Ok("systemdate.json"));

    [Fact]
    public async Task ErrorsHaveTheApisShape()
    {
        var (status, body) = await _sandbox.GetAsync("lists/nope/stats.json");
        Assert.Equal(400, status);
        Shape.AssertMatches(Shape.Fixture("custom_api_error.json"), body);
        Assert.Equal(101, body.GetProperty("Code").GetInt32());
    }

    [Fact]
    public async Task MultiSelectAndDateValuesReadBackAsTheFixturesShowThem()
    {
        var body = await Ok($"lists/{_listId}/active.json");
        var person = body.GetProperty("Results").EnumerateArray().Single(r => r.GetProperty("EmailAddress").GetString() == "person.one@example.com");
        var values = person.GetProperty("CustomFields").EnumerateArray().Select(f => (f.GetProperty("Key").GetString(), f.GetProperty("Value").GetString())).ToList();
        Assert.Contains(("multi select field", "option one"), values);
        Assert.Contains(("multi select field", "option two"), values);
        Assert.Contains(("subscription date", "2010-03-09"), values);
        Assert.Contains(("age", "24"), values);
    }
}
