using System.Text.Json;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>Reads request bodies as the API does: property names in any case.</summary>
internal static class RequestJson
{
    /// <summary>The body the fault middleware already read (it hashes every request), parsed; null when it is not a JSON object.</summary>
    public static JsonDocument? Parse(HttpContext context)
    {
        var bytes = Body(context);
        try
        {
            // Parsed over the request's buffer, not a copy: the document is disposed before the buffer goes back.
            var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
                return doc;
            doc.Dispose();
        }
        catch (JsonException)
        {
        }
        return null;
    }

    /// <summary>The request's body as the sandbox read it (empty when there was none).</summary>
    public static ReadOnlyMemory<byte> Body(HttpContext context) =>
        context.Items[Faults.FaultMiddleware.BodyItem] is ArraySegment<byte> body ? body : ReadOnlyMemory<byte>.Empty;

    public static bool TryGet(this JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }
        value = default;
        return false;
    }

    /// <summary>A string property; numbers and booleans as their text; null when absent or null.</summary>
    public static string? String(this JsonElement element, string name) =>
        element.TryGet(name, out var value) ? Text(value) : null;

    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>A boolean property: true/false, or their text in any case. Null when absent; throws FormatException when not a boolean.</summary>
    public static bool? Bool(this JsonElement element, string name)
    {
        if (!element.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw new FormatException(name),
        };
    }
}
