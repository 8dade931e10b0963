using System.Globalization;
using CampaignMonitor.Core.Api.Json;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Readers;

/// <summary>
/// A subscriber's custom fields as a dictionary by field name, the way a person indexes them, each value typed by
/// its field's type: Number as decimal, Date as DateTime, MultiSelectMany (and any field given more than once) as a
/// string array, others as text. A value that does not read as its type stays text.
/// </summary>
internal static class CustomFieldValues
{
    public static Dictionary<string, object?> ByName(IEnumerable<SubscriberCustomField> fields, IReadOnlyList<CustomFieldDefinition>? definitions = null)
    {
        var grouped = new Dictionary<string, List<string?>>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            var name = field.Key.Trim().TrimStart('[').TrimEnd(']');
            if (!grouped.TryGetValue(name, out var values))
                grouped[name] = values = new List<string?>();
            values.Add(field.Value);
        }
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in grouped)
        {
            var type = TypeOf(definitions, name);
            result[name] = values.Count > 1 || type == CustomFieldTypes.MultiSelectMany ? values.ToArray() : Typed(values[0], type);
        }
        return result;
    }

    private static object? Typed(string? value, string? type) => type switch
    {
        CustomFieldTypes.Number when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        CustomFieldTypes.Date when ApiDateParser.TryParse(value, out var date) => date,
        _ => value,
    };

    /// <summary>The type of the field a subscriber's key names (by the field's name, or its key without brackets).</summary>
    private static string? TypeOf(IReadOnlyList<CustomFieldDefinition>? definitions, string name) =>
        definitions?.FirstOrDefault(d => string.Equals(d.FieldName, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.Key.Trim().TrimStart('[').TrimEnd(']'), name, StringComparison.OrdinalIgnoreCase))?.DataType;
}
