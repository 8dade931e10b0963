using System.Text.Json;
using Xunit;

namespace CampaignMonitor.Sandbox.Tests;

/// <summary>The documented error codes come back for the documented bad requests.</summary>
public class ErrorCodeTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private string _listId = "";

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync();
        _listId = await _sandbox.CreateListAsync("Errors");
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private static void AssertError((int Status, JsonElement Body) answer, int status, int code)
    {
        Assert.True(answer.Status == status, $"expected HTTP {status}, got {answer.Status} {answer.Body}");
        Assert.Equal(code, answer.Body.GetProperty("Code").GetInt32());
        Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("Message").GetString()));
    }

    [Fact]
    public async Task NoBasicAuthIs50AndAWrongKeyIs100()
    {
        AssertError(await _sandbox.SendAsync(HttpMethod.Get, "systemdate.json", authenticated: false), 401, 50);
        using var wrong = new HttpClient { BaseAddress = _sandbox.BaseUri };
        wrong.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("not-the-key:x"u8.ToArray()));
        var response = await wrong.GetAsync("systemdate.json");
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(100, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("Code").GetInt32());
    }

    [Fact]
    public async Task UnknownClientListAndCampaign()
    {
        AssertError(await _sandbox.GetAsync("clients/someone-else/lists.json"), 400, 102);
        AssertError(await _sandbox.GetAsync("lists/0000/active.json"), 400, 101);
        AssertError(await _sandbox.GetAsync("campaigns/0000/summary.json"), 400, 301);
    }

    [Fact]
    public async Task CreateListRules()
    {
        AssertError(await _sandbox.PostAsync($"lists/{SandboxHost.ClientId}.json", """{"Title":"Errors"}"""), 400, 250);
        AssertError(await _sandbox.PostAsync($"lists/{SandboxHost.ClientId}.json", """{"Title":""}"""), 400, 251);
        AssertError(await _sandbox.PostAsync($"lists/{SandboxHost.ClientId}.json", """{"Title":"X","UnsubscribeSetting":"Everywhere"}"""), 400, 261);
    }

    [Fact]
    public async Task CreateListKeepsItsSettingsForListDetails()
    {
        var id = await _sandbox.CreateListAsync("Kept", ""","UnsubscribeSetting":"OnlyThisList","ConfirmedOptIn":true,"UnsubscribePage":"https://example.com/bye","ConfirmationSuccessPage":"https://example.com/thanks" """);
        var (_, details) = await _sandbox.GetAsync($"lists/{id}.json");
        Assert.Equal("OnlyThisList", details.GetProperty("UnsubscribeSetting").GetString());
        Assert.True(details.GetProperty("ConfirmedOptIn").GetBoolean());
        Assert.Equal("https://example.com/bye", details.GetProperty("UnsubscribePage").GetString());
        Assert.Equal("https://example.com/thanks", details.GetProperty("ConfirmationSuccessPage").GetString());
    }

    [Theory]
    [InlineData("""{"FieldName":"","DataType":"Text"}""", 254)]
    [InlineData("""{"FieldName":"a","DataType":"Colour"}""", 259)]
    [InlineData("""{"FieldName":"a","DataType":"Text","Options":["x"]}""", 256)]
    [InlineData("""{"FieldName":"a","DataType":"MultiSelectOne","Options":[]}""", 257)]
    public async Task CustomFieldRules(string body, int code) =>
        AssertError(await _sandbox.PostAsync($"lists/{_listId}/customfields.json", body), 400, code);

    [Fact]
    public async Task ADuplicateFieldNameIs255EvenInAnotherCase()
    {
        await _sandbox.CreateFieldAsync(_listId, "Loyalty Tier", "Text");
        AssertError(await _sandbox.PostAsync($"lists/{_listId}/customfields.json", """{"FieldName":"loyalty tier","DataType":"Text"}"""), 400, 255);
    }

    [Fact]
    public async Task ImportRequestRules()
    {
        var tooMany = string.Join(",", Enumerable.Range(0, 1001).Select(i => $$"""{"EmailAddress":"r{{i}}@example.com","ConsentToTrack":"Yes"}"""));
        AssertError(await _sandbox.PostAsync($"subscribers/{_listId}/import.json", $$"""{"Subscribers":[{{tooMany}}]}"""), 400, 209);
        AssertError(await _sandbox.PostAsync($"subscribers/{_listId}/import.json", """{"Subscribers":[]}"""), 400, 212);
        AssertError(await _sandbox.PostAsync($"subscribers/{_listId}/import.json", """{"Subscribers":[{"EmailAddress":"a@example.com","ConsentToTrack":"Yes"},{"EmailAddress":"b@example.com"}]}"""), 400, 214);
        AssertError(await _sandbox.PostAsync($"subscribers/{_listId}/import.json", """{"Subscribers":[{"EmailAddress":"a@example.com","ConsentToTrack":"true"}]}"""), 400, 215);
        AssertError(await _sandbox.PostAsync($"subscribers/{_listId}/import.json", """{"Subscribers":"nope"}"""), 400, 400);
        AssertError(await _sandbox.PostAsync($"subscribers/{_listId}/import.json", "not json"), 400, 400);
        // A request that fails as a whole imports nothing.
        var (_, active) = await _sandbox.GetAsync($"lists/{_listId}/active.json");
        Assert.Equal(0, active.GetProperty("TotalNumberOfRecords").GetInt32());
    }

    [Theory]
    [InlineData("page=0", 800)]
    [InlineData("pagesize=9", 801)]
    [InlineData("pagesize=1001", 801)]
    [InlineData("orderfield=colour", 802)]
    [InlineData("orderdirection=up", 803)]
    public async Task PagingRules(string query, int code) =>
        AssertError(await _sandbox.GetAsync($"lists/{_listId}/active.json?{query}"), 400, code);

    [Theory]
    [InlineData("sentfromdate=2024-13-01", 920)]
    [InlineData("senttodate=yesterday", 922)]
    [InlineData("sentfromdate=2024-02-01&senttodate=2024-01-01", 927)]
    public async Task CampaignDateRules(string query, int code) =>
        AssertError(await _sandbox.GetAsync($"clients/{SandboxHost.ClientId}/campaigns.json?{query}"), 400, code);

    [Fact]
    public async Task AnUnknownPathIs404()
    {
        var (status, _) = await _sandbox.GetAsync("no/such/thing.json");
        Assert.Equal(404, status);
    }
}
