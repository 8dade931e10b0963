using CampaignMonitor.Core.Api.Json;
using Xunit;

namespace CampaignMonitor.Core.Tests;

public class ApiDateParserTests
{
    [Theory]
    [InlineData("2010-10-25 10:28:00", 2010, 10, 25, 10, 28, 0)]
    [InlineData("2010-10-26 10:55:31", 2010, 10, 26, 10, 55, 31)]
    [InlineData("2010-03-09", 2010, 3, 9, 0, 0, 0)]
    [InlineData("2010/03/09", 2010, 3, 9, 0, 0, 0)]
    [InlineData("2010-10-25T10:28:00", 2010, 10, 25, 10, 28, 0)]
    public void TheApisFormsParseWithoutInventingATimeZone(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(ApiDateParser.TryParse(text, out var value));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s), value);
        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
    }

    [Fact]
    public void AnExplicitOffsetIsKeptAsUtc()
    {
        Assert.True(ApiDateParser.TryParse("2024-05-06T10:00:00+02:00", out var value));
        Assert.Equal(new DateTime(2024, 5, 6, 8, 0, 0, DateTimeKind.Utc), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("25/10/2010")]
    public void OtherTextIsNotADate(string text) => Assert.False(ApiDateParser.TryParse(text, out _));

    [Fact]
    public void AnEmptyDateInAResponseIsNull()
    {
        var row = System.Text.Json.JsonSerializer.Deserialize<Api.Models.ListSubscriber>("""{"EmailAddress":"a@b.c","Date":"","ListJoinedDate":null}""", ApiJson.Options)!;
        Assert.Null(row.Date);
        Assert.Null(row.ListJoinedDate);
    }

    [Fact]
    public void QueryDatesUseTheInvariantCalendar()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("th-TH");
            Assert.Equal("2024-05-06 07:08:09", ApiDateParser.FormatForQuery(new DateTime(2024, 5, 6, 7, 8, 9)));
            Assert.Equal("2024-05-06", ApiDateParser.FormatDateOnly(new DateTime(2024, 5, 6)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
