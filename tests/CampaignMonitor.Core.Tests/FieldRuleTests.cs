using System.Globalization;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Send;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>How each custom field type checks and writes values: every type, cultures, edge values.</summary>
public class FieldRuleTests
{
    private static FieldRule Rule(string type, string[]? options = null, string? separator = null, string? format = null, bool clear = false) =>
        new("Field", "[Field]", type, options ?? Array.Empty<string>(), separator, format, clear);

    private static (List<SubscriberCustomField> Written, Refusal? Problem) Write(FieldRule rule, object? value)
    {
        var written = new List<SubscriberCustomField>();
        var problem = rule.Write(value, written);
        return (written, problem);
    }

    private static string One(FieldRule rule, object? value)
    {
        var (written, problem) = Write(rule, value);
        Assert.Null(problem);
        return Assert.Single(written).Value!;
    }

    private static string Refused(FieldRule rule, object? value)
    {
        var (written, problem) = Write(rule, value);
        Assert.Empty(written);
        return Assert.NotNull(problem).Code;
    }

    [Theory]
    [InlineData("02134")]
    [InlineData("  padded  ")]
    [InlineData("Zoë – ✓ 🎉")]
    [InlineData("0001e5")]
    public void TextIsSentExactlyAsGiven(string value) => Assert.Equal(value, One(Rule(CustomFieldTypes.Text), value));

    [Fact]
    public void TextIsAtMost250Characters()
    {
        Assert.Equal(250, One(Rule(CustomFieldTypes.Text), new string('a', 250)).Length);
        Assert.Equal("TooLong", Refused(Rule(CustomFieldTypes.Text), new string('a', 251)));
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-3.5", "-3.5")]
    [InlineData(" 1234.50 ", "1234.50")]
    [InlineData("1e3", "1e3")]
    public void NumbersParseTheInvariantWay(string value, string sent) => Assert.Equal(sent, One(Rule(CustomFieldTypes.Number), value));

    [Theory]
    [InlineData("1,234")]
    [InlineData("3,5")]
    [InlineData("12 345")]
    [InlineData("ten")]
    [InlineData("0x1F")]
    [InlineData("NaN")]
    public void NumbersInOtherFormsAreRefused(string value) => Assert.Equal("InvalidNumber", Refused(Rule(CustomFieldTypes.Number), value));

    [Fact]
    public void TheSessionCultureChangesNothing()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("3.5", One(Rule(CustomFieldTypes.Number), "3.5"));
            Assert.Equal("InvalidNumber", Refused(Rule(CustomFieldTypes.Number), "3,5"));
            Assert.Equal("2.5", One(Rule(CustomFieldTypes.Number), 2.5));
            Assert.Equal("1234.56", One(Rule(CustomFieldTypes.Number), 1234.56m));
            Assert.Equal("1.5", One(Rule(CustomFieldTypes.Text), 1.5));
            Assert.Equal("2024/05/06", One(Rule(CustomFieldTypes.Date), new DateTime(2024, 5, 6)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonFiniteNumbersAreRefused(double value) => Assert.Equal("InvalidNumber", Refused(Rule(CustomFieldTypes.Number), value));

    [Theory]
    [InlineData("2024-05-06", "2024/05/06")]
    [InlineData("2024/05/06", "2024/05/06")]
    [InlineData("2024-05-06T10:00:00", "2024/05/06")]
    [InlineData("2024-05-06T23:30:00Z", "2024/05/06")]
    [InlineData("2024-05-06T00:30:00+10:00", "2024/05/06")]
    [InlineData("1900-01-01", "1900/01/01")]
    [InlineData("2076-06-06", "2076/06/06")]
    public void IsoDatesAreSentAsYearMonthDay(string value, string sent) => Assert.Equal(sent, One(Rule(CustomFieldTypes.Date), value));

    [Theory]
    [InlineData("06/05/2024", "InvalidDate")]
    [InlineData("May 6, 2024", "InvalidDate")]
    [InlineData("2024-02-30", "InvalidDate")]
    [InlineData("1899-12-31", "DateOutOfRange")]
    [InlineData("2076-06-07", "DateOutOfRange")]
    public void OtherDatesAreRefused(string value, string code) => Assert.Equal(code, Refused(Rule(CustomFieldTypes.Date), value));

    [Fact]
    public void DatesInAGivenFormat()
    {
        var rule = Rule(CustomFieldTypes.Date, format: "dd.MM.yyyy");
        Assert.Equal("1999/12/31", One(rule, "31.12.1999"));
        Assert.Equal("InvalidDate", Refused(rule, "1999-12-31"));
        Assert.Equal("2010/03/09", One(rule, new DateTime(2010, 3, 9)));
        Assert.Equal("2010/03/09", One(rule, new DateTimeOffset(2010, 3, 9, 23, 0, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void SingleChoiceIsMatchedCaseInsensitivelyAndSentInTheOptionsSpelling()
    {
        var rule = Rule(CustomFieldTypes.MultiSelectOne, new[] { "Gold", "Silver" });
        Assert.Equal("Gold", One(rule, " gold "));
        Assert.Equal("NotAnOption", Refused(rule, "Platinum"));
        Assert.Equal("NotAValue", Refused(rule, new[] { "Gold", "Silver" }));
    }

    [Fact]
    public void ManyChoicesFromArraysOrSeparatedText()
    {
        var rule = Rule(CustomFieldTypes.MultiSelectMany, new[] { "Cats", "Dogs", "Fish" }, separator: ";");
        var (written, problem) = Write(rule, "dogs; CATS;;dogs");
        Assert.Null(problem);
        Assert.Equal(new[] { "Dogs", "Cats" }, written.Select(w => w.Value));
        Assert.All(written, w => Assert.Equal("[Field]", w.Key));
        (written, problem) = Write(rule, new object[] { "fish", "Cats" });
        Assert.Null(problem);
        Assert.Equal(new[] { "Fish", "Cats" }, written.Select(w => w.Value));
        Assert.Equal("NotAnOption", Refused(rule, "Cats;Birds"));
        Assert.Equal("NotAValue", Refused(rule, new object[] { "Cats", new Dictionary<string, string>() }));
    }

    [Fact]
    public void EmptyValuesAreNotSentUnlessTheMappingClearsThem()
    {
        Assert.Empty(Write(Rule(CustomFieldTypes.Text), "").Written);
        Assert.Empty(Write(Rule(CustomFieldTypes.Number), null).Written);
        Assert.Empty(Write(Rule(CustomFieldTypes.MultiSelectMany, new[] { "A" }), Array.Empty<string>()).Written);
        var cleared = Assert.Single(Write(Rule(CustomFieldTypes.Date, clear: true), "  ").Written);
        Assert.True(cleared.Clear);
        Assert.Equal("", cleared.Value);
    }

    [Fact]
    public void ObjectsAreNotValues()
    {
        Assert.Equal("NotAValue", Refused(Rule(CustomFieldTypes.Text), new Dictionary<string, object> { ["a"] = 1 }));
        Assert.Equal("NotAValue", Refused(Rule(CustomFieldTypes.Text), new[] { "a", "b" }));
        Assert.Equal("NotAValue", Refused(Rule(CustomFieldTypes.Text), new object()));
    }
}

public class RowPlanTests
{
    private static RowPlan Plan(params ColumnTarget[] extra) =>
        new(new[] { new ColumnTarget("Email", TargetKind.EmailAddress) }.Concat(extra).ToList(), ConsentValues.Yes);

    private static MappedRow Map(RowPlan plan, params object?[] values) => plan.Map(new RowValues(values));

    [Theory]
    [InlineData("a@example.com")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    [InlineData("josé@exämple.com")]
    [InlineData("user@xn--bcher-kva.example")]
    public void WellFormedEmails(string email) => Assert.True(EmailRule.IsWellFormed(email));

    [Theory]
    [InlineData("plain")]
    [InlineData("a@b")]
    [InlineData("a@@example.com")]
    [InlineData("a b@example.com")]
    [InlineData("a..b@example.com")]
    [InlineData(".a@example.com")]
    [InlineData("a.@example.com")]
    [InlineData("\"quoted\"@example.com")]
    [InlineData("a@example.c")]
    [InlineData("a\u0000@example.com")]
    [InlineData("a@exa mple.com")]
    public void MalformedEmails(string email) => Assert.False(EmailRule.IsWellFormed(email));

    [Fact]
    public void TheEmailIsTrimmedAndTheDefaultConsentSent()
    {
        var row = Map(Plan(), "  A@Example.com ");
        Assert.Equal("A@Example.com", row.Record!.EmailAddress);
        Assert.Equal("Yes", row.Record.ConsentToTrack);
        Assert.Null(row.Record.CustomFields);
    }

    [Fact]
    public void AMissingOrBadEmailIsRejectedWithItsColumn()
    {
        Assert.Equal(new Refusal("NoEmail", "has no email address", "Email"), Map(Plan(), (object?)null).Refusal);
        Assert.Equal("InvalidEmail", Map(Plan(), "nope").Refusal!.Value.Code);
        Assert.Equal("NotAValue", Map(Plan(), new object[] { new[] { "a@example.com" } }).Refusal!.Value.Code);
    }

    [Fact]
    public void FirstAndLastNamesMakeTheName()
    {
        var plan = Plan(new ColumnTarget("First", TargetKind.FirstName), new ColumnTarget("Last", TargetKind.LastName));
        Assert.Equal("Ada Lovelace", Map(plan, "a@example.com", " Ada ", "Lovelace").Record!.Name);
        Assert.Equal("Ada", Map(plan, "a@example.com", "Ada", null).Record!.Name);
        Assert.Null(Map(plan, "a@example.com", "", null).Record!.Name);
    }

    [Theory]
    [InlineData("YES", "Yes")]
    [InlineData(" no ", "No")]
    [InlineData("Unchanged", "Unchanged")]
    [InlineData("", "Yes")]
    [InlineData("true", "Yes")]
    [InlineData("FALSE", "No")]
    [InlineData("1", "Yes")]
    [InlineData("0", "No")]
    [InlineData("y", "Yes")]
    [InlineData("N", "No")]
    public void ConsentFromTheColumnInAnyCase(string value, string sent) =>
        Assert.Equal(sent, Map(Plan(new ColumnTarget("Consent", TargetKind.ConsentToTrack)), "a@example.com", value).Record!.ConsentToTrack);

    [Theory]
    [InlineData("2")]
    [InlineData("yess")]
    [InlineData("maybe")]
    public void OtherConsentValuesAreRejected(string value) =>
        Assert.Equal(new Refusal("InvalidConsent", $"'{value}' is not a ConsentToTrack value (Yes, No or Unchanged)", "Consent"),
            Map(Plan(new ColumnTarget("Consent", TargetKind.ConsentToTrack)), "a@example.com", value).Refusal);

    [Fact]
    public void TheFirstBadColumnIsNamed()
    {
        var plan = Plan(
            new ColumnTarget("Points", TargetKind.CustomField, new FieldRule("Points", "[Points]", CustomFieldTypes.Number, Array.Empty<string>(), null, null, false)),
            new ColumnTarget("Name", TargetKind.Name));
        var row = Map(plan, "a@example.com", "1,5", new string('n', 300));
        Assert.Equal("Points", row.Refusal!.Value.Column);
        Assert.Equal("TooLong", Map(plan, "a@example.com", "1.5", new string('n', 251)).Refusal!.Value.Code);
    }
}
