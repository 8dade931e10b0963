using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Send;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>
/// Rows in flight keep their input values packed (BatchTexts): what a reject file later reads of them must be what
/// was read from the input, text for text, and a row whose values are not all text keeps its own values.
/// </summary>
public class BatchTextsTests
{
    private static PendingRow Row(long number, params object?[] values) =>
        new(number, new SubscriberRecord { EmailAddress = $"r{number}@example.com" }, new RowValues(values));

    [Fact]
    public void Text_rows_read_back_the_same_values_after_packing_and_only_their_input_columns()
    {
        var rows = new[]
        {
            Row(1, "a@example.com", "Zoë \"Z\" Lima", null, "mapped-not-input"),
            Row(2, "b@example.com", "", "02134", "x"),
            Row(3, "c@example.com", "🎉", "line\r\nbreak", "y"),
        };
        var texts = BatchTexts.Pack(rows, columns: 3);

        Assert.NotNull(texts);
        Assert.Equal(new object?[] { "a@example.com", "Zoë \"Z\" Lima", null }, Values(rows[0].Row));
        Assert.Equal(new object?[] { "b@example.com", "", "02134" }, Values(rows[1].Row));
        Assert.Equal(new object?[] { "c@example.com", "🎉", "line\r\nbreak" }, Values(rows[2].Row));
        texts!.Release();
    }

    [Fact]
    public void A_row_holding_a_value_that_is_not_text_keeps_its_own_values()
    {
        var date = new DateTime(2024, 5, 6);
        var rows = new[] { Row(1, "a@example.com", 42, date), Row(2, "b@example.com", "two", "x") };
        BatchTexts.Pack(rows, columns: 3);

        Assert.Equal(new object?[] { "a@example.com", 42, date }, Values(rows[0].Row));
        Assert.Equal(new object?[] { "b@example.com", "two", "x" }, Values(rows[1].Row));
    }

    [Fact]
    public void Nothing_to_pack_gives_no_buffer()
    {
        Assert.Null(BatchTexts.Pack(new[] { Row(1, 1, 2) }, columns: 2));
    }

    private static object?[] Values(RowValues row) => Enumerable.Range(0, row.Count).Select(i => row[i]).ToArray();
}
