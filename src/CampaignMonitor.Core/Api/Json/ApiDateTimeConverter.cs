using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Json;

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
