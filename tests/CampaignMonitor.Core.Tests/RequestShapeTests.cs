using System.Net;
using System.Text;
using System.Text.Json;
using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Tests.Support;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>What goes over the wire: paths, verbs, headers and JSON names exactly as the API expects them.</summary>
public class RequestShapeTests
{
    [Fact]
    public async Task BasicAuthWithTheKeyAndADummyPassword()
    {
        var (client, handler) = TestClients.Serving("[]");
        await client.GetListsAsync("c");
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TestClients.ApiKey + ":x"));
        Assert.Equal(expected, handler.Requests.Single().Authorization);
    }

    [Fact]
    public async Task TheUserAgentNamesTheModuleAndItsVersion()
    {
        var handler = new StubHandler(_ => StubHandler.Json("[]"));
        using var client = TestClients.Create(handler, o => o.UserAgentComment = "PowerShell/7.6.9");
        await client.GetListsAsync("c");
        var version = typeof(CampaignMonitorClient).Assembly.GetName().Version!.ToString(3);
        Assert.StartsWith($"CampaignMonitor-PowerShell/{version} (PowerShell/7.6.9;", handler.Requests.Single().UserAgent);
    }

    [Fact]
    public async Task PathsAreRelativeToTheBaseUriAndEndInJson()
    {
        var handler = new StubHandler(_ => StubHandler.Json("[]"));
        using var client = TestClients.Create(handler, o => o.BaseUri = new Uri("http://127.0.0.1:5555/api/v3.3"));
        await client.GetListsAsync("abc");
        Assert.Equal("http://127.0.0.1:5555/api/v3.3/clients/abc/lists.json", handler.Requests.Single().Uri.ToString());
    }

    [Fact]
    public async Task IdsAreEscapedInPaths()
    {
        var handler = new StubHandler(_ => StubHandler.Json("{}"));
        using var client = TestClients.Create(handler);
        await client.UpdateCustomFieldOptionsAsync("l1", "[loyalty tier]", new UpdateCustomFieldOptionsRequest { Options = { "Gold" } });
        Assert.EndsWith("/lists/l1/customfields/%5Bloyalty%20tier%5D/options.json", handler.Requests.Single().Uri.AbsoluteUri);
        Assert.Equal(HttpMethod.Put, handler.Requests.Single().Method);
    }

    [Fact]
    public async Task ImportBodyUsesTheApisNamesWithConsentOnEveryRow()
    {
        var (client, handler) = TestClients.Serving(Fixtures.Read("createsend-ruby", "import_subscribers.json"));
        await client.ImportSubscribersAsync("list", new ImportSubscribersRequest
        {
            Subscribers = new[]
            {
                new SubscriberRecord
                {
                    EmailAddress = "a@example.com", Name = "A", ConsentToTrack = ConsentValues.Yes,
                    CustomFields = new() { new() { Key = "[zip]", Value = "02134" }, new() { Key = "[age]", Value = "", Clear = true } },
                },
                new SubscriberRecord { EmailAddress = "b@example.com", ConsentToTrack = ConsentValues.No },
            },
            QueueSubscriptionBasedAutoResponders = true,
        });
        var request = handler.Requests.Single();
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.StartsWith("application/json", request.ContentType);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.False(body.GetProperty("Resubscribe").GetBoolean());
        Assert.True(body.GetProperty("QueueSubscriptionBasedAutoResponders").GetBoolean());
        Assert.False(body.GetProperty("RestartSubscriptionBasedAutoresponders").GetBoolean());
        var rows = body.GetProperty("Subscribers");
        Assert.Equal("Yes", rows[0].GetProperty("ConsentToTrack").GetString());
        Assert.Equal("No", rows[1].GetProperty("ConsentToTrack").GetString());
        var fields = rows[0].GetProperty("CustomFields");
        Assert.Equal("02134", fields[0].GetProperty("Value").GetString());
        Assert.False(fields[0].TryGetProperty("Clear", out _)); // only sent when clearing
        Assert.True(fields[1].GetProperty("Clear").GetBoolean());
        Assert.False(rows[1].TryGetProperty("Name", out _)); // nothing sent for what was not given
        Assert.False(rows[1].TryGetProperty("MobileNumber", out _));
    }

    [Fact]
    public async Task CreateListAndCustomFieldBodies()
    {
        var handler = new StubHandler(_ => StubHandler.Json("\"x\"", HttpStatusCode.Created));
        using var client = TestClients.Create(handler);
        await client.CreateListAsync("client", new CreateListRequest
        {
            Title = "Newsletter", UnsubscribeSetting = UnsubscribeSettings.OnlyThisList, ConfirmedOptIn = true,
            UnsubscribePage = "https://example.com/bye", ConfirmationSuccessPage = "https://example.com/thanks",
        });
        await client.CreateCustomFieldAsync("list", new CreateCustomFieldRequest { FieldName = "Tier", DataType = CustomFieldTypes.MultiSelectOne, Options = new() { "Gold" } });
        var list = JsonDocument.Parse(handler.Requests.First().Body!).RootElement;
        Assert.Equal("Newsletter", list.GetProperty("Title").GetString());
        Assert.Equal("OnlyThisList", list.GetProperty("UnsubscribeSetting").GetString());
        Assert.True(list.GetProperty("ConfirmedOptIn").GetBoolean());
        Assert.Equal("https://example.com/bye", list.GetProperty("UnsubscribePage").GetString());
        Assert.Equal("https://example.com/thanks", list.GetProperty("ConfirmationSuccessPage").GetString());
        Assert.EndsWith("/lists/client.json", handler.Requests.First().Uri.AbsolutePath);
        var field = JsonDocument.Parse(handler.Requests.Last().Body!).RootElement;
        Assert.Equal("MultiSelectOne", field.GetProperty("DataType").GetString());
        Assert.Equal("Gold", field.GetProperty("Options")[0].GetString());
    }

    [Fact]
    public void TheDefaultHandlerAcceptsCompressedAnswers()
    {
        using var handler = (SocketsHttpHandler)Api.Http.ApiTransport.CreateDefaultHandler();
        Assert.True(handler.AutomaticDecompression.HasFlag(DecompressionMethods.GZip));
        Assert.Null(handler.SslOptions.RemoteCertificateValidationCallback);
    }

    [Fact]
    public void OptionsNeverPrintTheKey()
    {
        var options = new CampaignMonitorClientOptions { ApiKey = TestClients.ApiKey };
        Assert.DoesNotContain(TestClients.ApiKey, options.ToString());
        Assert.Equal(TimeSpan.FromSeconds(120), options.Timeout);
        Assert.Equal(new Uri("https://api.createsend.com/api/v3.3/"), options.BaseUri);
    }
}
