using System.Collections;
using System.Management.Automation;
using CampaignMonitor.Core.Send;

namespace CampaignMonitor.Internal;

/// <summary>
/// Reads input objects (Import-Csv rows, [pscustomobject]s, hashtables) into the core's <see cref="RowValues"/>, so
/// the core never sees a PSObject. The columns to read are decided once, before the first row (the plan's
/// <see cref="RowPlan.ReadColumns"/>), and each row is read once: a row waiting in a batch keeps its values (a few
/// references), not its PSObject (kilobytes of members that every garbage collection during a send would copy).
/// </summary>
internal sealed class RowReader
{
    private readonly string[] _columns;

    public RowReader(IReadOnlyList<string> columns) => _columns = columns.ToArray();

    public RowValues Read(PSObject? row)
    {
        var values = new object?[_columns.Length];
        var dictionary = row?.BaseObject as IDictionary;
        for (var i = 0; i < values.Length; i++)
            values[i] = dictionary is not null ? Unwrap(Lookup(dictionary, _columns[i])) : Unwrap(row?.Properties[_columns[i]]?.Value);
        return new RowValues(values);
    }

    /// <summary>A value as the reject file and messages write it.</summary>
    public static string? AsText(object? value) =>
        value is null ? null : InputValue.IsScalar(value) ? InputValue.Text(value) : LanguagePrimitives.ConvertTo<string>(value);

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
