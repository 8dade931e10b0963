using System.Collections;
using CampaignMonitor.Core.Settings;
using Xunit;

namespace CampaignMonitor.Core.Tests;

public class EnvironmentCredentialTests
{
    [Fact]
    public void TheVariablesDefineTheCredentialNamedEnv()
    {
        var credential = EnvironmentCredential.Read(new Hashtable { ["CM_API_KEY"] = "abcdefgh12345678", ["CM_CLIENT_ID"] = " C0FFEE00C0FFEE00C0FFEE00C0FFEE00 " })!;
        Assert.Equal("env", credential.Name);
        Assert.Equal("c0ffee00c0ffee00c0ffee00c0ffee00", credential.ClientId);
        Assert.Equal("https://api.createsend.com/api/v3.3/", credential.BaseUri.ToString());
        Assert.Equal("****5678", credential.ApiKeyHint);
        Assert.DoesNotContain("abcdefgh", credential.ToString());
    }

    [Fact]
    public void ABaseUriVariableIsCheckedLikeAnyOther()
    {
        var credential = EnvironmentCredential.Read(new Hashtable { ["CM_API_KEY"] = "k", ["CM_CLIENT_ID"] = Client, ["CM_BASE_URI"] = "http://127.0.0.1:8080/api/v3.3" })!;
        Assert.Equal("http://127.0.0.1:8080/api/v3.3/", credential.BaseUri.ToString());
        foreach (var (uri, says) in new[] { ("http://example.com/api/v3.3/", "plain http"), ("https://api.createsend.com/", "does not end with /api/v3.3/") })
        {
            var refused = Assert.Throws<SettingsException>(() => EnvironmentCredential.Read(new Hashtable { ["CM_API_KEY"] = "k", ["CM_CLIENT_ID"] = Client, ["CM_BASE_URI"] = uri }));
            Assert.Equal(SettingsErrorKind.Invalid, refused.Kind);
            Assert.StartsWith("CM_BASE_URI: ", refused.Message);
            Assert.Contains(says, refused.Message);
        }
    }

    [Fact]
    public void AClientIdVariableIsCheckedLikeAnyOther()
    {
        var refused = Assert.Throws<SettingsException>(() => EnvironmentCredential.Read(new Hashtable { ["CM_API_KEY"] = "k", ["CM_CLIENT_ID"] = "c1" }));
        Assert.StartsWith("CM_CLIENT_ID: ", refused.Message);
        Assert.Contains("32 hexadecimal digits", refused.Message);
    }

    private const string Client = "c0ffee00c0ffee00c0ffee00c0ffee00";

    [Theory]
    [InlineData(null, "c")]
    [InlineData("k", null)]
    [InlineData(" ", "c")]
    public void WithoutKeyOrClientIdThereIsNoCredential(string? key, string? clientId) =>
        Assert.Null(EnvironmentCredential.Read(new Hashtable { ["CM_API_KEY"] = key, ["CM_CLIENT_ID"] = clientId }));

    [Theory]
    [InlineData("", "")]
    [InlineData("short", "****")]
    [InlineData("0123456789abcdef", "****cdef")]
    public void AKeyIsShownAsAtMostItsLastFourCharacters(string key, string hint) => Assert.Equal(hint, SecretText.Hint(key));
}
