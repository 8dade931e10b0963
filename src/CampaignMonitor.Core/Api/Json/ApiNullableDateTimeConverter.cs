using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Json;

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
