using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Readers;

/// <summary>
/// A subscriber's custom fields as a dictionary by field name, the way a person indexes them: one value as is,
/// multi-select values (repeated keys, or any MultiSelectMany field) as an array.
/// </summary>
internal static class CustomFieldValues
{
    public static Dictionary<string, object?> ByName(IEnumerable<SubscriberCustomField> fields, IReadOnlyCollection<string>? multiSelectManyNames = null)
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
            var many = values.Count > 1 || (multiSelectManyNames?.Contains(name, StringComparer.OrdinalIgnoreCase) ?? false);
            result[name] = many ? values.ToArray() : values[0];
        }
        return result;
    }

    /// <summary>The names of a list's MultiSelectMany fields (their values are always arrays).</summary>
    public static IReadOnlyCollection<string> MultiSelectManyNames(IEnumerable<CustomFieldDefinition> definitions) =>
        definitions.Where(d => string.Equals(d.DataType, CustomFieldTypes.MultiSelectMany, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.FieldName).ToList();
}
