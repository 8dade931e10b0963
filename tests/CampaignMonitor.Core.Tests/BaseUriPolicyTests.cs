using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Tests.Support;
using Xunit;

namespace CampaignMonitor.Core.Tests;

public class BaseUriPolicyTests
{
    [Theory]
    [InlineData("http://api.createsend.com/api/v3.3/")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://example.com/")]
    public void PlainHttpToARemoteHostIsRefused(string uri)
    {
        var ex = Assert.Throws<ArgumentException>(() => BaseUriPolicy.Normalize(new Uri(uri)));
        Assert.Contains("Refusing to send the API key over plain http", ex.Message);
        Assert.Throws<ArgumentException>(() => new CampaignMonitorClientOptions { BaseUri = new Uri(uri) });
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/api/v3.3/")]
    [InlineData("http://127.8.9.10:5000/")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("https://api.createsend.com/api/v3.3/")]
    public void HttpsAnywhereAndHttpToLoopbackAreAccepted(string uri) =>
        Assert.Equal(uri, BaseUriPolicy.Normalize(new Uri(uri)).ToString());

    [Fact]
    public void ATrailingSlashIsAddedSoRelativePathsStayUnderTheRoot() =>
        Assert.Equal("https://api.createsend.com/api/v3.3/", BaseUriPolicy.Normalize(new Uri("https://api.createsend.com/api/v3.3")).ToString());

    [Theory]
    [InlineData("ftp://api.createsend.com/")]
    [InlineData("https://user:pass@api.createsend.com/")]
    public void OtherSchemesAndUserInfoAreRefused(string uri) =>
        Assert.Throws<ArgumentException>(() => BaseUriPolicy.Normalize(new Uri(uri)));

    [Fact]
    public void AClientCannotBeMadeForAnHttpRemoteHost()
    {
        Assert.Throws<ArgumentException>(() => TestClients.Create(new StubHandler(_ => StubHandler.Json("[]")),
            o => o.BaseUri = new Uri("http://api.createsend.com/api/v3.3/")));
    }
}
