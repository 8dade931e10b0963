using System.Collections;
using System.Management.Automation;

namespace CampaignMonitor.Internal;

/// <summary>
/// Reads the mapped columns of input objects (Import-Csv rows, [pscustomobject]s, hashtables) into a reused array,
/// so the core never sees a PSObject. The columns are decided once, before the first row.
/// </summary>
internal sealed class RowReader
{
    private readonly string[] _columns;
    private readonly object?[] _values;

    public RowReader(IEnumerable<string> columns)
    {
        _columns = columns.ToArray();
        _values = new object?[_columns.Length];
    }

    /// <summary>The values of one row, in column order (valid until the next call).</summary>
    public object?[] Read(PSObject? row)
    {
        var target = row?.BaseObject;
        for (var i = 0; i < _columns.Length; i++)
            _values[i] = target is IDictionary dictionary ? Unwrap(Lookup(dictionary, _columns[i])) : Unwrap(row?.Properties[_columns[i]]?.Value);
        return _values;
    }

    /// <summary>A column's value as text, for the reject file.</summary>
    public static string? Text(PSObject? row, string column)
    {
        var value = row?.BaseObject is IDictionary dictionary ? Lookup(dictionary, column) : row?.Properties[column]?.Value;
        value = Unwrap(value);
        return value is null ? null : Core.Sync.InputValue.IsScalar(value) ? Core.Sync.InputValue.Text(value) : LanguagePrimitives.ConvertTo<string>(value);
    }

    /// <summary>The column names of an input object, as the user sees them.</summary>
    public static IReadOnlyList<string> ColumnsOf(PSObject? row)
    {
        if (row?.BaseObject is IDictionary dictionary)
            return dictionary.Keys.Cast<object?>().Select(k => Unwrap(k)?.ToString() ?? "").Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (row is null || row.BaseObject is string || row.BaseObject.GetType().IsPrimitive)
            return Array.Empty<string>();
        return row.Properties.Where(p => p.IsGettable).Select(p => p.Name).ToList();
    }

    private static object? Lookup(IDictionary dictionary, string column)
    {
        if (dictionary.Contains(column))
            return dictionary[column];
        // Keys that are not strings, or differ in case: compare as text.
        foreach (DictionaryEntry entry in dictionary)
        {
            if (string.Equals(Unwrap(entry.Key)?.ToString(), column, StringComparison.OrdinalIgnoreCase))
                return entry.Value;
        }
        return null;
    }

    private static object? Unwrap(object? value) => value is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : value;
}
