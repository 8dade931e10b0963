using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Json;

/// <summary>
/// Reads the API's timestamps ("2010-10-25 10:28:00", "2010-03-09", ISO 8601). A value without an offset stays
/// <see cref="DateTimeKind.Unspecified"/>: the API does not say which time zone it means, so we do not invent one.
/// </summary>
public static class ApiDateParser
{
    private static readonly string[] Formats =
    {
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    };

    private static readonly string[] OffsetFormats = { "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK" };

    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            return true;
        // An explicit offset or 'Z' is information the API gave us: keep it, as UTC.
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            value = withOffset.UtcDateTime;
            return true;
        }
        return false;
    }

    public static string FormatForQuery(DateTime value) =>
        value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string FormatDateOnly(DateTime value) =>
        value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed class ApiDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (ApiDateParser.TryParse(text, out var value))
            return value;
        throw new JsonException($"'{text}' is not a date the Campaign Monitor API uses.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ApiDateParser.FormatForQuery(value));
}

internal sealed class ApiNullableDateTimeConverter : JsonConverter<DateTime?>
{
    public override bool HandleNull => true;

    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        var text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (ApiDateParser.TryParse(text, out var value))
            return value;
        throw new JsonException($"'{text}' is not a date the Campaign Monitor API uses.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(ApiDateParser.FormatForQuery(value.Value));
    }
}
