using System.Text.Json;

namespace CampaignMonitor.Core.Api.Errors;

/// <summary>
/// The API's error body, <c>{Code, Message, ResultData}</c>, read once and tolerantly (a code given as a string, any
/// casing); any other body (HTML, empty) reads as no code and no message.
/// </summary>
internal sealed record ApiErrorBody(int? Code, string? Message, JsonElement? ResultData)
{
    public static readonly ApiErrorBody None = new(null, null, null);

    public static ApiErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return None;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return None;
            int? code = null;
            string? message = null;
            JsonElement? resultData = null;
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "Code", StringComparison.OrdinalIgnoreCase))
                    code = ReadInt(property.Value);
                else if (string.Equals(property.Name, "Message", StringComparison.OrdinalIgnoreCase))
                    message = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                else if (string.Equals(property.Name, "ResultData", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                    resultData = property.Value.Clone();
            }
            return new ApiErrorBody(code, message, resultData);
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static int? ReadInt(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var number) => number,
        JsonValueKind.String when int.TryParse(value.GetString(), out var parsed) => parsed,
        _ => null,
    };
}
