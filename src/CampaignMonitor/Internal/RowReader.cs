using System.Collections;
using System.Management.Automation;

namespace CampaignMonitor.Internal;

/// <summary>
/// Reads input objects (Import-Csv rows, [pscustomobject]s, hashtables) so the core never sees a PSObject. The
/// columns are decided once, before the first row. Each row is read once, every input column into a
/// <see cref="RowSnapshot"/>: the mapped values are taken from it, and a row waiting in a batch keeps the snapshot
/// (a few references) instead of its PSObject (kilobytes of members), which would make every garbage collection
/// during a send copy rows that are still waiting for their batch.
/// </summary>
internal sealed class RowReader
{
    private readonly IReadOnlyList<string> _inputColumns;
    // The input columns, then any mapped column the first row did not have: what every row is read for.
    private readonly string[] _columns;
    private readonly int[] _mappedIndex;
    private readonly object?[] _mapped;

    /// <param name="inputColumns">The columns of the first row, as <see cref="ColumnsOf"/> found them.</param>
    /// <param name="mappedColumns">The columns the mapping reads, in its order.</param>
    public RowReader(IReadOnlyList<string> inputColumns, IEnumerable<string> mappedColumns)
    {
        _inputColumns = inputColumns;
        var extra = new List<string>();
        var index = new List<int>();
        foreach (var column in mappedColumns)
        {
            var at = IndexOf(inputColumns, column);
            if (at < 0)
            {
                // Mapped but not among the first row's columns: read it too, after the input columns.
                at = inputColumns.Count + extra.Count;
                extra.Add(column);
            }
            index.Add(at);
        }
        _columns = inputColumns.Concat(extra).ToArray();
        _mappedIndex = index.ToArray();
        _mapped = new object?[_mappedIndex.Length];
    }

    /// <summary>
    /// Reads one row. Returns its mapped values, in mapping order (valid until the next call), and gives its snapshot.
    /// </summary>
    public object?[] Read(PSObject? row, out RowSnapshot snapshot)
    {
        var values = new object?[_columns.Length];
        var dictionary = row?.BaseObject as IDictionary;
        for (var i = 0; i < values.Length; i++)
            values[i] = dictionary is not null ? Unwrap(Lookup(dictionary, _columns[i])) : Unwrap(row?.Properties[_columns[i]]?.Value);
        for (var i = 0; i < _mappedIndex.Length; i++)
            _mapped[i] = values[_mappedIndex[i]];
        snapshot = new RowSnapshot(_inputColumns, values);
        return _mapped;
    }

    /// <summary>A column's value as text, for the reject file.</summary>
    public static string? Text(PSObject? row, string column)
    {
        var value = row?.BaseObject is IDictionary dictionary ? Lookup(dictionary, column) : row?.Properties[column]?.Value;
        return AsText(Unwrap(value));
    }

    /// <summary>A value as the reject file writes it.</summary>
    public static string? AsText(object? value) =>
        value is null ? null : Core.Sync.InputValue.IsScalar(value) ? Core.Sync.InputValue.Text(value) : LanguagePrimitives.ConvertTo<string>(value);

    /// <summary>The column names of an input object, as the user sees them.</summary>
    public static IReadOnlyList<string> ColumnsOf(PSObject? row)
    {
        if (row?.BaseObject is IDictionary dictionary)
            return dictionary.Keys.Cast<object?>().Select(k => Unwrap(k)?.ToString() ?? "").Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (row is null || row.BaseObject is string || row.BaseObject.GetType().IsPrimitive)
            return Array.Empty<string>();
        return row.Properties.Where(p => p.IsGettable).Select(p => p.Name).ToList();
    }

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], column, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
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

/// <summary>The values of one input row, read once: what a row waiting in a batch keeps to be reported later.</summary>
internal sealed class RowSnapshot
{
    private readonly IReadOnlyList<string> _columns;
    private readonly object?[] _values;

    public RowSnapshot(IReadOnlyList<string> columns, object?[] values)
    {
        _columns = columns;
        _values = values;
    }

    /// <summary>The row's values as text, in the order of the input's columns (those of the reject file).</summary>
    public IEnumerable<string?> Texts() => _columns.Select((_, i) => RowReader.AsText(_values[i]));

    /// <summary>The row again, as an object with the input's columns and their values (an error's target).</summary>
    public PSObject ToPSObject()
    {
        var row = new PSObject();
        for (var i = 0; i < _columns.Count; i++)
            row.Properties.Add(new PSNoteProperty(_columns[i], _values[i]));
        return row;
    }
}
