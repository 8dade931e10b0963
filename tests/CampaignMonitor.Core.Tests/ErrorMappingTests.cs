using System.Net;
using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Tests.Support;
using Xunit;

namespace CampaignMonitor.Core.Tests;

public class ErrorMappingTests
{
    private static async Task<CampaignMonitorApiException> FailWith(string body, HttpStatusCode status, Func<Api.CampaignMonitorClient, Task> call)
    {
        var handler = new StubHandler(_ => StubHandler.Json(body, status));
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        return await Assert.ThrowsAsync<CampaignMonitorApiException>(() => call(client));
    }

    [Theory]
    [MemberData(nameof(Fixtures.LibrariesWith), "custom_api_error.json", MemberType = typeof(Fixtures))]
    public async Task TheApisCodeAndMessageComeThrough(string library)
    {
        var ex = await FailWith(Fixtures.Read(library, "custom_api_error.json"), HttpStatusCode.BadRequest, c => c.GetListsAsync("client-1"));
        Assert.Equal(98798, ex.Code);
        Assert.Equal("A crazy API error", ex.ApiMessage);
        Assert.Equal(400, ex.HttpStatus);
        Assert.Equal("GET clients/client-1/lists.json", ex.Endpoint);
        Assert.Equal(ApiErrorKind.InvalidRequest, ex.Kind);
        Assert.False(ex.IsTransient);
        Assert.Contains("code 98798: A crazy API error", ex.Message);
    }

    [Fact]
    public async Task AClientErrorBodyFromPython()
    {
        var ex = await FailWith(Fixtures.Read("createsend-python", "sample_client_error.json"), (HttpStatusCode)418, c => c.GetListsAsync("c"));
        Assert.Equal(418, ex.Code);
        Assert.Equal(ApiErrorKind.InvalidRequest, ex.Kind);
    }

    public static IEnumerable<object[]> OAuthErrors() =>
        from library in Fixtures.Libraries
        from file in new[] { "expired_oauth_token_api_error.json", "invalid_oauth_token_api_error.json", "revoked_oauth_token_api_error.json" }
        where Fixtures.Exists(library, file)
        select new object[] { library, file };

    [Theory]
    [MemberData(nameof(OAuthErrors))]
    public async Task OAuthTokenProblemsAreAuthenticationErrorsThatSaySo(string library, string file)
    {
        var ex = await FailWith(Fixtures.Read(library, file), HttpStatusCode.Unauthorized, c => c.GetListsAsync("c"));
        Assert.Equal(ApiErrorKind.Authentication, ex.Kind);
        Assert.InRange(ex.Code!.Value, 120, 122);
        Assert.Contains("OAuth token", ex.Message);
    }

    [Fact]
    public async Task ABadApiKeySaysToCheckTheKeyAndNeverShowsIt()
    {
        var ex = await FailWith("""{"Code":100,"Message":"Invalid API Key"}""", HttpStatusCode.Unauthorized, c => c.GetListsAsync("c"));
        Assert.Equal(ApiErrorKind.Authentication, ex.Kind);
        Assert.Contains("Check that the credential's API key", ex.Message);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ToString());
    }

    [Fact]
    public async Task AnUnknownClientIdSaysToCheckTheClientId()
    {
        var ex = await FailWith("""{"Code":102,"Message":"Invalid ClientID"}""", HttpStatusCode.BadRequest, c => c.GetListsAsync("nope"));
        Assert.Equal(ApiErrorKind.UnknownId, ex.Kind);
        Assert.Contains("client ID", ex.Message);
    }

    [Fact]
    public async Task AnUnknownListIdSaysToCheckTheListId()
    {
        var ex = await FailWith("""{"Code":101,"Message":"Invalid ListID"}""", HttpStatusCode.BadRequest, c => c.GetListStatsAsync("nope"));
        Assert.Equal(ApiErrorKind.UnknownId, ex.Kind);
        Assert.Contains("list ID", ex.Message);
        Assert.Equal("GET lists/nope/stats.json", ex.Endpoint);
    }

    [Fact]
    public async Task ANotFoundWithAnHtmlBodyNamesTheBaseUri()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<html>nope</html>") });
        using var client = TestClients.Create(handler);
        var ex = await Assert.ThrowsAsync<CampaignMonitorApiException>(() => client.GetCampaignSummaryAsync("abc"));
        Assert.Equal(ApiErrorKind.NotFound, ex.Kind);
        Assert.Null(ex.Code);
        Assert.Contains(client.BaseUri.ToString(), ex.Message);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task AKeyEchoedByTheServerIsScrubbed()
    {
        var ex = await FailWith($$"""{"Code":1,"Message":"bad key {{TestClients.ApiKey}}"}""", HttpStatusCode.BadRequest, c => c.GetListsAsync("c"));
        Assert.DoesNotContain(TestClients.ApiKey, ex.Message);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ApiMessage);
    }

    [Fact]
    public async Task AnImportRefusedAsAWholeIsThrownNotReturned()
    {
        var handler = new StubHandler(_ => StubHandler.Json("""{"Code":400,"Message":"Failed to deserialize your request. Fields in error: subscriber"}""", HttpStatusCode.BadRequest));
        using var client = TestClients.Create(handler);
        var ex = await Assert.ThrowsAsync<CampaignMonitorApiException>(() => client.ImportSubscribersAsync("list", FixtureParsingTests.OneRowImport()));
        Assert.Equal(400, ex.Code);
        Assert.Equal("POST subscribers/list/import.json", ex.Endpoint);
    }

    [Fact]
    public async Task OversizedAndEmptyImportsAreRefusedBeforeAnyCall()
    {
        var handler = new StubHandler(_ => throw new InvalidOperationException("no call expected"));
        using var client = TestClients.Create(handler);
        var tooMany = Enumerable.Range(0, 1001).Select(i => new SubscriberRecord { EmailAddress = $"a{i}@example.com" }).ToArray();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.ImportSubscribersAsync("list", new ImportSubscribersRequest { Subscribers = tooMany }));
        Assert.Contains("at most 1000", ex.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => client.ImportSubscribersAsync("list", new ImportSubscribersRequest()));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task AnAnswerThatIsNotTheExpectedShapeSaysWhichEndpoint()
    {
        var (client, _) = TestClients.Serving("""{"not":"a list"}""");
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => client.GetListsAsync("c"));
        Assert.Contains("clients/c/lists.json", ex.Message);
    }
}
