using System.Text.Json;
using Xunit;

namespace CampaignMonitor.Sandbox.Tests;

/// <summary>The import rules the real API applies, row by row.</summary>
public class ImportRuleTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private string _listId = "";

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync();
        _listId = await _sandbox.CreateListAsync("Rules");
        await _sandbox.CreateFieldAsync(_listId, "Zip", "Text");
        await _sandbox.CreateFieldAsync(_listId, "Born", "Date");
        await _sandbox.CreateFieldAsync(_listId, "Score", "Number");
        await _sandbox.CreateFieldAsync(_listId, "Tier", "MultiSelectOne", "Gold", "Silver");
        await _sandbox.CreateFieldAsync(_listId, "Interests", "MultiSelectMany", "Cats", "Dogs", "Fish");
        await _sandbox.Admin.SeedAsync(new Core.Sandbox.SandboxSeed
        {
            ListName = "Rules",
            Subscribers =
            {
                new() { EmailAddress = "unsub@example.com", State = "Unsubscribed" },
                new() { EmailAddress = "deleted@example.com", State = "Deleted" },
                new() { EmailAddress = "bounced@example.com", State = "Bounced" },
                new() { EmailAddress = "unconfirmed@example.com", State = "Unconfirmed" },
            },
            Suppressed = { "suppressed@example.com" },
        });
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private Task<(int Status, JsonElement Body)> Import(string rows, bool resubscribe = false) =>
        _sandbox.PostAsync($"subscribers/{_listId}/import.json", $$"""{"Subscribers":[{{rows}}],"Resubscribe":{{(resubscribe ? "true" : "false")}}}""");

    private async Task<JsonElement?> Read(string email, string state = "active")
    {
        var (_, body) = await _sandbox.GetAsync($"lists/{_listId}/{state}.json?includetrackingpreference=true");
        foreach (var row in body.GetProperty("Results").EnumerateArray())
        {
            if (string.Equals(row.GetProperty("EmailAddress").GetString(), email, StringComparison.OrdinalIgnoreCase))
                return row;
        }
        return null;
    }

    private static Dictionary<string, List<string>> Fields(JsonElement subscriber) =>
        subscriber.GetProperty("CustomFields").EnumerateArray()
            .GroupBy(f => f.GetProperty("Key").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(f => f.GetProperty("Value").GetString()!).ToList());

    [Fact]
    public async Task AddressesInOtherStatesAreRefusedWithTheirCodes()
    {
        var rows = string.Join(",", new[] { "unsub", "deleted", "bounced", "unconfirmed", "suppressed" }.Select(n => $$"""{"EmailAddress":"{{n}}@example.com","ConsentToTrack":"Yes"}"""))
            + """,{"EmailAddress":"fine@example.com","ConsentToTrack":"Yes"},{"EmailAddress":"not-an-email","ConsentToTrack":"Yes"}""";
        var (status, body) = await Import(rows);
        Assert.Equal(400, status);
        Assert.Equal(210, body.GetProperty("Code").GetInt32());
        var data = body.GetProperty("ResultData");
        var codes = data.GetProperty("FailureDetails").EnumerateArray().ToDictionary(f => f.GetProperty("EmailAddress").GetString()!, f => f.GetProperty("Code").GetInt32());
        Assert.Equal(new Dictionary<string, int>
        {
            ["unsub@example.com"] = 206, ["deleted@example.com"] = 205, ["bounced@example.com"] = 207,
            ["unconfirmed@example.com"] = 208, ["suppressed@example.com"] = 204, ["not-an-email"] = 1,
        }, codes);
        Assert.Equal(1, data.GetProperty("TotalNewSubscribers").GetInt32());
        Assert.Equal(7, data.GetProperty("TotalUniqueEmailsSubmitted").GetInt32());
        Assert.NotNull(await Read("fine@example.com"));
        Assert.NotNull(await Read("unsub@example.com", "unsubscribed"));
    }

    [Fact]
    public async Task ResubscribeMakesThemActiveAgain()
    {
        var rows = string.Join(",", new[] { "unsub", "deleted", "bounced", "unconfirmed", "suppressed" }.Select(n => $$"""{"EmailAddress":"{{n}}@example.com","ConsentToTrack":"Yes"}"""));
        var (status, body) = await Import(rows, resubscribe: true);
        Assert.Equal(201, status);
        Assert.Equal(4, body.GetProperty("TotalExistingSubscribers").GetInt32());
        Assert.Equal(1, body.GetProperty("TotalNewSubscribers").GetInt32());
        Assert.NotNull(await Read("unsub@example.com"));
        Assert.NotNull(await Read("suppressed@example.com"));
    }

    [Fact]
    public async Task DuplicatesInABatchAreReportedCountedOnceAndTheLastWins()
    {
        var (status, body) = await Import("""
            {"EmailAddress":"dup@example.com","Name":"First","ConsentToTrack":"Yes"},
            {"EmailAddress":"DUP@example.com","Name":"Second","ConsentToTrack":"No"}
            """);
        Assert.Equal(201, status);
        Assert.Equal(1, body.GetProperty("TotalUniqueEmailsSubmitted").GetInt32());
        Assert.Equal(1, body.GetProperty("TotalNewSubscribers").GetInt32());
        Assert.Equal("DUP@example.com", body.GetProperty("DuplicateEmailsInSubmission")[0].GetString());
        var row = (await Read("dup@example.com"))!.Value;
        Assert.Equal("Second", row.GetProperty("Name").GetString());
        Assert.Equal("No", row.GetProperty("ConsentToTrack").GetString());
    }

    [Fact]
    public async Task ReimportingCountsExistingAndUpdatesOnlyWhatIsSent()
    {
        await Import("""{"EmailAddress":"keep@example.com","Name":"Keep","ConsentToTrack":"Yes","CustomFields":[{"Key":"[Zip]","Value":"02134"}]}""");
        var (_, body) = await Import("""{"EmailAddress":"keep@example.com","ConsentToTrack":"Unchanged","CustomFields":[{"Key":"[Score]","Value":"7"}]}""");
        Assert.Equal(1, body.GetProperty("TotalExistingSubscribers").GetInt32());
        Assert.Equal(0, body.GetProperty("TotalNewSubscribers").GetInt32());
        var row = (await Read("keep@example.com"))!.Value;
        Assert.Equal("Keep", row.GetProperty("Name").GetString());
        Assert.Equal("Yes", row.GetProperty("ConsentToTrack").GetString());
        var fields = Fields(row);
        Assert.Equal(new[] { "02134" }, fields["Zip"]);
        Assert.Equal(new[] { "7" }, fields["Score"]);
    }

    [Fact]
    public async Task FieldValuesAreKeptOnlyWhenTheyFitAndUnknownKeysAreDropped()
    {
        var (status, _) = await Import("""
            {"EmailAddress":"v@example.com","ConsentToTrack":"Yes","CustomFields":[
              {"Key":"zip","Value":"02134"},
              {"Key":"[BORN]","Value":"1999-12-31"},
              {"Key":"Score","Value":"not a number"},
              {"Key":"[Tier]","Value":"gold"},
              {"Key":"[Interests]","Value":"cats"},{"Key":"[Interests]","Value":"Fish"},{"Key":"[Interests]","Value":"Birds"},
              {"Key":"[NoSuchField]","Value":"x"}]}
            """);
        Assert.Equal(201, status);
        var fields = Fields((await Read("v@example.com"))!.Value);
        Assert.Equal(new[] { "02134" }, fields["Zip"]);
        Assert.False(fields.ContainsKey("Born")); // not yyyy/MM/dd: ignored, as the API does
        Assert.False(fields.ContainsKey("Score"));
        Assert.Equal(new[] { "Gold" }, fields["Tier"]);
        Assert.Equal(new[] { "Cats", "Fish" }, fields["Interests"]);
        Assert.Equal(new[] { "Interests", "Tier", "Zip" }, fields.Keys.Order()); // nothing for the unknown key
    }

    [Theory]
    [InlineData("1899/12/31", false)]
    [InlineData("1900/01/01", true)]
    [InlineData("2076/06/06", true)]
    [InlineData("2076/06/07", false)]
    public async Task DatesAreStoredOnlyInRange(string value, bool stored)
    {
        var email = $"d{value.Replace("/", "")}@example.com";
        await Import($$"""{"EmailAddress":"{{email}}","ConsentToTrack":"Yes","CustomFields":[{"Key":"[Born]","Value":"{{value}}"}]}""");
        var fields = Fields((await Read(email))!.Value);
        Assert.Equal(stored, fields.ContainsKey("Born"));
        if (stored)
            Assert.Equal(value.Replace('/', '-'), fields["Born"][0]);
    }

    [Fact]
    public async Task ClearRemovesAValue()
    {
        await Import("""{"EmailAddress":"c@example.com","ConsentToTrack":"Yes","CustomFields":[{"Key":"[Zip]","Value":"1"},{"Key":"[Score]","Value":"2"}]}""");
        await Import("""{"EmailAddress":"c@example.com","ConsentToTrack":"Yes","CustomFields":[{"Key":"[Zip]","Value":"","Clear":true}]}""");
        var fields = Fields((await Read("c@example.com"))!.Value);
        Assert.False(fields.ContainsKey("Zip"));
        Assert.Equal(new[] { "2" }, fields["Score"]);
    }

    [Fact]
    public async Task ASingleAddToAConfirmedOptInListWaitsForConfirmation()
    {
        var coi = await _sandbox.CreateListAsync("Double opt-in", ""","ConfirmedOptIn":true""");
        var (status, _) = await _sandbox.PostAsync($"subscribers/{coi}.json", """{"EmailAddress":"wait@example.com","ConsentToTrack":"Yes"}""");
        Assert.Equal(201, status);
        var (_, unconfirmed) = await _sandbox.GetAsync($"lists/{coi}/unconfirmed.json");
        Assert.Equal(1, unconfirmed.GetProperty("TotalNumberOfRecords").GetInt32());
        var (refused, body) = await _sandbox.PostAsync($"subscribers/{_listId}.json", """{"EmailAddress":"bounced@example.com","ConsentToTrack":"Yes"}""");
        Assert.Equal(400, refused);
        Assert.Equal(207, body.GetProperty("Code").GetInt32());
    }

    [Fact]
    public async Task StateEndpointsPageOrderAndFilterByDate()
    {
        var seeded = await _sandbox.Admin.SeedAsync(new Core.Sandbox.SandboxSeed { ListName = "Paging", Active = 2500, Seed = 7 });
        var (_, page3) = await _sandbox.GetAsync($"lists/{seeded.ListID}/active.json?page=3&pagesize=1000&orderfield=email&orderdirection=desc");
        Assert.Equal(500, page3.GetProperty("RecordsOnThisPage").GetInt32());
        Assert.Equal(3, page3.GetProperty("NumberOfPages").GetInt32());
        Assert.Equal(2500, page3.GetProperty("TotalNumberOfRecords").GetInt32());
        var emails = page3.GetProperty("Results").EnumerateArray().Select(r => r.GetProperty("EmailAddress").GetString()!).ToList();
        Assert.Equal(emails.OrderByDescending(e => e, StringComparer.OrdinalIgnoreCase), emails);

        var (_, all) = await _sandbox.GetAsync($"lists/{seeded.ListID}/active.json?orderfield=date&pagesize=1000");
        var middle = all.GetProperty("Results")[500].GetProperty("Date").GetString();
        var (_, since) = await _sandbox.GetAsync($"lists/{seeded.ListID}/active.json?date={Uri.EscapeDataString(middle!)}");
        var count = since.GetProperty("TotalNumberOfRecords").GetInt32();
        Assert.InRange(count, 1, 2000);
        Assert.All(since.GetProperty("Results").EnumerateArray(), r => Assert.True(string.CompareOrdinal(r.GetProperty("Date").GetString(), middle) >= 0));
    }

    [Fact]
    public async Task StatsAreComputedFromTheState()
    {
        var seeded = await _sandbox.Admin.SeedAsync(new Core.Sandbox.SandboxSeed { ListName = "Stats", Active = 40, Unsubscribed = 3, Bounced = 2, Deleted = 1 });
        var (_, stats) = await _sandbox.GetAsync($"lists/{seeded.ListID}/stats.json");
        Assert.Equal(40, stats.GetProperty("TotalActiveSubscribers").GetInt32());
        Assert.Equal(3, stats.GetProperty("TotalUnsubscribes").GetInt32());
        Assert.Equal(2, stats.GetProperty("TotalBounces").GetInt32());
        Assert.Equal(1, stats.GetProperty("TotalDeleted").GetInt32());
        Assert.True(stats.GetProperty("UnsubscribesThisYear").GetInt32() <= 3);
    }

    [Fact]
    public async Task SeedingIsDeterministic()
    {
        var a = await _sandbox.Admin.SeedAsync(new Core.Sandbox.SandboxSeed { ListName = "SeedA", Active = 50, Seed = 42, Campaigns = 1 });
        await using var other = await SandboxHost.StartAsync();
        var b = await other.Admin.SeedAsync(new Core.Sandbox.SandboxSeed { ListName = "SeedA", Active = 50, Seed = 42, Campaigns = 1 });
        var (_, rowsA) = await _sandbox.GetAsync($"lists/{a.ListID}/active.json");
        var (_, rowsB) = await other.GetAsync($"lists/{b.ListID}/active.json");
        Assert.Equal(Names(rowsA), Names(rowsB));
        Assert.Equal(a.CampaignIDs, b.CampaignIDs);
        var (_, opensA) = await _sandbox.GetAsync($"campaigns/{a.CampaignIDs[0]}/opens.json");
        var (_, opensB) = await other.GetAsync($"campaigns/{b.CampaignIDs[0]}/opens.json");
        Assert.Equal(opensA.GetProperty("TotalNumberOfRecords").GetInt32(), opensB.GetProperty("TotalNumberOfRecords").GetInt32());

        static List<string> Names(JsonElement page) => page.GetProperty("Results").EnumerateArray()
            .Select(r => r.GetProperty("EmailAddress").GetString() + "|" + r.GetProperty("Name").GetString()).ToList();
    }
}
