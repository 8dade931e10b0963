namespace CampaignMonitor.Sandbox.State;

/// <summary>
/// A subscriber's custom field values, compactly: one slot per field of the list (by <see cref="CustomField.Ordinal"/>),
/// holding a string (one value), or a string[] (a MultiSelectMany field's options). A million subscribers must fit in a
/// few hundred megabytes: a dictionary and a list per subscriber took three times that. A struct, so that it costs
/// its subscriber one reference: keep it in a field and call it in place.
/// </summary>
internal struct FieldValues
{
    private object?[]? _slots;

    /// <summary>The values of a field, in the order they were set; empty when it has none.</summary>
    public readonly IReadOnlyList<string> Get(CustomField field) =>
        _slots is { } slots && field.Ordinal < slots.Length
            ? slots[field.Ordinal] switch { string one => new[] { one }, string[] many => many, _ => Array.Empty<string>() }
            : Array.Empty<string>();

    public readonly bool Has(CustomField field) => _slots is { } slots && field.Ordinal < slots.Length && slots[field.Ordinal] is not null;

    public void Set(CustomField field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            Remove(field);
            return;
        }
        Slot(field) = values.Count == 1 ? values[0] : values.ToArray();
    }

    public void Remove(CustomField field)
    {
        if (Has(field))
            _slots![field.Ordinal] = null;
    }

    /// <summary>Every field with a value, in the list's field order.</summary>
    public readonly List<(CustomField Field, IReadOnlyList<string> Values)> All(IReadOnlyList<CustomField> fields)
    {
        var all = new List<(CustomField, IReadOnlyList<string>)>();
        foreach (var field in fields)
        {
            if (Has(field))
                all.Add((field, Get(field)));
        }
        return all;
    }

    private ref object? Slot(CustomField field)
    {
        if (_slots is null || field.Ordinal >= _slots.Length)
            Array.Resize(ref _slots, field.Ordinal + 1);
        return ref _slots[field.Ordinal];
    }
}
