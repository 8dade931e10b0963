using System.Collections;
using CampaignMonitor.Core.Settings;
using Xunit;

namespace CampaignMonitor.Core.Tests;

public class SettingsValidationTests
{
    [Theory]
    [InlineData("Newsletter")]
    [InlineData("prod-eu_2.v1")]
    [InlineData("0")]
    public void GoodNames(string name) => Assert.Equal(name, SettingsValidation.Name(name, "x"));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData(".hidden")]
    [InlineData("-dash")]
    [InlineData("with space")]
    [InlineData("ü")]
    public void NamesThatCouldEscapeTheFolderOrConfuseAreRefused(string name) =>
        Assert.Equal(SettingsErrorKind.Invalid, Assert.Throws<SettingsException>(() => SettingsValidation.Name(name, "destination")).Kind);

    [Fact]
    public void NamesAreAtMost64Characters()
    {
        SettingsValidation.Name(new string('a', 64), "x");
        Assert.Throws<SettingsException>(() => SettingsValidation.Name(new string('a', 65), "x"));
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789abcdef", true)]
    [InlineData("0123456789abcdef0123456789abcde", false)]
    [InlineData("0123456789abcdef0123456789abcdeg", false)]
    [InlineData("client one", false)]
    public void ClientIds(string id, bool ok)
    {
        if (ok)
            Assert.Equal(id.ToLowerInvariant(), SettingsValidation.ClientId(id));
        else
            Assert.Contains("32 hexadecimal digits", Assert.Throws<SettingsException>(() => SettingsValidation.ClientId(id)).Message);
    }

    [Theory]
    [InlineData("https://example.com/bye", true)]
    [InlineData("http://example.com/bye", true)]
    [InlineData("example.com/bye", false)]
    [InlineData("ftp://example.com/", false)]
    [InlineData("/relative", false)]
    public void Urls(string url, bool ok)
    {
        if (ok)
            Assert.NotNull(SettingsValidation.Url(url, "unsubscribe URL"));
        else
            Assert.Contains("not an absolute http or https URL", Assert.Throws<SettingsException>(() => SettingsValidation.Url(url, "unsubscribe URL")).Message);
    }

    public static IEnumerable<object[]> BadMappings() => new[]
    {
        new object[] { new Hashtable(), "The mapping is empty" },
        new object[] { new Hashtable { ["A"] = 5 }, "must be a field name or a table" },
        new object[] { new Hashtable { ["A"] = new Hashtable { ["Type"] = "Text" } }, "needs a Field" },
        new object[] { new Hashtable { ["A"] = new Hashtable { ["Field"] = "A", ["Type"] = "Bool" } }, "The type 'Bool' of 'A' is not one of" },
        new object[] { new Hashtable { ["A"] = new Hashtable { ["Field"] = "A", ["Options"] = "x" } }, "Options are only for the MultiSelectOne and MultiSelectMany types; 'A' is Text" },
        new object[] { new Hashtable { ["A"] = new Hashtable { ["Field"] = "A", ["Type"] = "MultiSelectOne" } }, "which needs Options" },
        new object[] { new Hashtable { ["A"] = new Hashtable { ["Field"] = "A", ["Type"] = "Text", ["Separator"] = ";" } }, "A Separator is only for MultiSelectMany" },
        new object[] { new Hashtable { ["A"] = new Hashtable { ["Field"] = "A", ["Type"] = "Text", ["Format"] = "dd" } }, "A Format is only for Date fields" },
        new object[] { new Hashtable { ["A"] = new Hashtable { ["Field"] = "A", ["ClearWhenEmpty"] = "yes" } }, "ClearWhenEmpty of 'A' must be $true or $false" },
        new object[] { new Hashtable { ["A"] = new Hashtable { ["Field"] = "EmailAddress", ["Type"] = "Text" } }, "standard field EmailAddress, which takes no Type" },
        new object[] { new Hashtable { ["A"] = "EmailAddress", ["B"] = "EMAILADDRESS" }, "Only one column can be the email address" },
        new object[] { new Hashtable { ["A"] = "Zip", ["B"] = "zip" }, "is the target of several columns" },
        new object[] { new Hashtable { ["A"] = "[zip]" }, "is not a field name" },
        new object[] { new Hashtable { ["A"] = new Hashtable { ["Field"] = "A", ["Colour"] = "red" } }, "unknown key 'Colour'" },
        new object[] { new Hashtable { ["A"] = new Hashtable { ["Field"] = "A", ["Type"] = "MultiSelectMany", ["Options"] = new[] { "x", " " } } }, "include an empty one" },
    };

    [Theory]
    [MemberData(nameof(BadMappings))]
    public void EachMappingMistakeIsNamed(Hashtable mapping, string message) =>
        Assert.Contains(message, Assert.Throws<SettingsException>(() => SettingsValidation.Mapping(mapping)).Message);

    [Fact]
    public void AGoodMappingKeepsEverything()
    {
        var mapping = SettingsValidation.Mapping(new Hashtable
        {
            ["mail"] = "emailaddress",
            ["consent"] = "ConsentToTrack",
            ["Interests"] = new Hashtable { ["field"] = "Interests", ["type"] = "MultiSelectMany", ["options"] = new[] { "Cats", "Dogs" }, ["separator"] = ";" },
        });
        Assert.Equal("EmailAddress", mapping.Single(m => m.Source == "mail").Field);
        Assert.True(mapping.Single(m => m.Source == "consent").IsStandard);
        var interests = mapping.Single(m => m.Source == "Interests");
        Assert.Equal(("MultiSelectMany", ";"), (interests.Type, interests.Separator));
    }
}
