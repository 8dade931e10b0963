using System.Collections;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Send;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>
/// Random rows through a plan with every kind of column: whatever comes in, a row is either a subscriber that obeys
/// the API's rules or a reject that names a column and a reason. Never an exception.
/// </summary>
public class RowPlanFuzzTests
{
    private static readonly RowPlan Plan = new(new[]
    {
        new ColumnTarget("Email", TargetKind.EmailAddress),
        new ColumnTarget("First", TargetKind.FirstName),
        new ColumnTarget("Last", TargetKind.LastName),
        new ColumnTarget("Mobile", TargetKind.MobileNumber),
        new ColumnTarget("Consent", TargetKind.ConsentToTrack),
        new ColumnTarget("Text", TargetKind.CustomField, new FieldRule("Text", "[Text]", CustomFieldTypes.Text, Array.Empty<string>(), null, null, false)),
        new ColumnTarget("Number", TargetKind.CustomField, new FieldRule("Number", "[Number]", CustomFieldTypes.Number, Array.Empty<string>(), null, null, true)),
        new ColumnTarget("Date", TargetKind.CustomField, new FieldRule("Date", "[Date]", CustomFieldTypes.Date, Array.Empty<string>(), null, null, false)),
        new ColumnTarget("DateF", TargetKind.CustomField, new FieldRule("DateF", "[DateF]", CustomFieldTypes.Date, Array.Empty<string>(), null, "dd.MM.yyyy", false)),
        new ColumnTarget("One", TargetKind.CustomField, new FieldRule("One", "[One]", CustomFieldTypes.MultiSelectOne, new[] { "A", "B" }, null, null, false)),
        new ColumnTarget("Many", TargetKind.CustomField, new FieldRule("Many", "[Many]", CustomFieldTypes.MultiSelectMany, new[] { "X", "Y", "Z" }, ";", null, false)),
    }, ConsentValues.Unchanged);

    private static object? RandomValue(Random random, int depth = 0)
    {
        switch (random.Next(16))
        {
            case 0: return null;
            case 1: return "";
            case 2: return RandomString(random, random.Next(0, 300));
            case 3: return random.Next(-1_000_000, 1_000_000);
            case 4: return random.NextDouble() * Math.Pow(10, random.Next(-5, 20)) * (random.Next(2) == 0 ? -1 : 1);
            case 5: return new DateTime(random.Next(1, 9999), random.Next(1, 13), random.Next(1, 29));
            case 6: return random.Next(2) == 0;
            case 7: return depth > 2 ? "deep" : Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomValue(random, depth + 1)).ToArray();
            case 8: return depth > 2 ? "deep" : new Hashtable { ["k"] = RandomValue(random, depth + 1) };
            case 9: return $"{RandomString(random, random.Next(1, 10))}@{RandomString(random, random.Next(1, 10))}.com";
            case 10: return new[] { "yes", "No", "UNCHANGED", "maybe", " " }[random.Next(5)];
            case 11: return new[] { "a", "B", "X;y", "z; X ;", "Q", "x;;" }[random.Next(6)];
            case 12: return $"{random.Next(1, 40):D2}.{random.Next(1, 14):D2}.{random.Next(1800, 2100)}";
            case 13: return $"{random.Next(1800, 2100)}-{random.Next(0, 14):D2}-{random.Next(0, 33):D2}";
            case 14: return decimal.MaxValue;
            default: return double.NaN;
        }
    }

    private static string RandomString(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = (char)random.Next(0, 0xD7FF); // any BMP character, control characters included
        return new string(chars);
    }

    [Fact]
    public void AnyRowEndsAsAValidSubscriberOrANamedReject()
    {
        var random = new Random(20261127);
        var sent = 0;
        for (var i = 0; i < 20_000; i++)
        {
            // Mostly good addresses and mostly empty other columns, so that both outcomes come up often.
            var values = Plan.Targets.Select(c => c.Kind == TargetKind.EmailAddress
                ? (random.Next(3) > 0 ? $"user{i}@example.com" : RandomValue(random))
                : (random.Next(10) < 7 ? null : RandomValue(random))).ToArray();
            var row = Plan.Map(new RowValues(values));
            Assert.True((row.Record is null) != (row.Refusal is null), $"row {i}: exactly one of record and reject");
            if (row.Refusal is { } reject)
            {
                Assert.False(string.IsNullOrWhiteSpace(reject.Code));
                Assert.False(string.IsNullOrWhiteSpace(reject.Reason));
                Assert.Contains(Plan.Targets, c => reject.Column is null || reject.Column.Contains(c.Source, StringComparison.Ordinal));
                continue;
            }
            sent++;
            var record = row.Record!;
            Assert.True(EmailRule.IsWellFormed(record.EmailAddress));
            Assert.Contains(record.ConsentToTrack, new[] { "Yes", "No", "Unchanged" });
            Assert.True((record.Name?.Length ?? 0) <= FieldRule.MaxLength);
            foreach (var field in record.CustomFields ?? new List<SubscriberCustomField>())
            {
                Assert.True((field.Value?.Length ?? 0) <= FieldRule.MaxLength);
                if (field.Key == "[Date]" || field.Key == "[DateF]")
                    Assert.Matches(@"^(19\d\d|20[0-6]\d|207[0-6])/\d\d/\d\d$", field.Value);
                if (field.Key == "[One]")
                    Assert.Contains(field.Value, new[] { "A", "B" });
                if (field.Key == "[Many]")
                    Assert.Contains(field.Value, new[] { "X", "Y", "Z" });
                if (field.Key == "[Number]" && !field.Clear)
                    Assert.True(decimal.TryParse(field.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _), field.Value);
            }
        }
        Assert.InRange(sent, 50, 19_000); // the generator reaches both outcomes
    }
}
