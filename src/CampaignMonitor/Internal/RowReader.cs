using System.Collections;
using System.Management.Automation;
using CampaignMonitor.Core.Send;

namespace CampaignMonitor.Internal;

/// <summary>
/// Reads input objects (Import-Csv rows, [pscustomobject]s, hashtables, plain strings, live .NET objects) into the
/// core's <see cref="RowValues"/>, so the core never sees a PSObject. The columns to read are decided once, before
/// the first row (the plan's <see cref="RowPlan.ReadColumns"/>), and each row is read once: a row waiting in a batch
/// keeps its values (a few references), not its PSObject (kilobytes of members that every garbage collection during
/// a send would copy).
/// <para>
/// Only mapped properties run code to be read: an unmapped column is read only when it is plain data (a note
/// property, a dictionary entry), for the reject file. A mapped property whose getter throws becomes an
/// <see cref="UnreadableValue"/>, which refuses that row, never the send (<c>Get-Process | Send-CMSubscribers</c>).
/// A string row is the email address.
/// </para>
/// </summary>
internal sealed class RowReader
{
    private readonly string[] _columns;
    private readonly bool[] _mapped;
    private readonly int _stringColumn;

    /// <summary>A reader of the columns a send's plan reads; a string row is taken as its email column.</summary>
    public RowReader(RowPlan plan)
    {
        _columns = plan.ReadColumns.ToArray();
        _mapped = _columns.Select(c => plan.TargetOf(c) is not null).ToArray();
        var emailColumn = plan.Targets[plan.EmailIndex].Source;
        _stringColumn = Array.FindIndex(_columns, c => string.Equals(c, emailColumn, StringComparison.OrdinalIgnoreCase));
    }

    public RowValues Read(PSObject? row)
    {
        var values = new object?[_columns.Length];
        switch (row?.BaseObject)
        {
            case string text:
                if (_stringColumn >= 0)
                    values[_stringColumn] = text;
                break;
            case IDictionary dictionary:
                for (var i = 0; i < values.Length; i++)
                    values[i] = Unwrap(Lookup(dictionary, _columns[i]));
                break;
            case not null:
                for (var i = 0; i < values.Length; i++)
                    values[i] = ReadProperty(row, i);
                break;
        }
        return new RowValues(values);
    }

    private object? ReadProperty(PSObject row, int column)
    {
        var property = OwnMembers.Property(row, _columns[column]);
        if (property is null || (!_mapped[column] && property is not PSNoteProperty))
            return null;
        try
        {
            return Unwrap(property.Value);
        }
        catch (ExtendedTypeSystemException ex)
        {
            return _mapped[column] ? new UnreadableValue((ex.InnerException ?? ex).GetBaseException().Message) : null;
        }
    }

    /// <summary>A value as the reject file and messages write it.</summary>
    public static string? AsText(object? value) =>
        value is null ? null : InputValue.IsScalar(value) ? InputValue.Text(value) : LanguagePrimitives.ConvertTo<string>(value);

    /// <summary>The column names of an input object, as the user sees them; a string row is one column, the email address.</summary>
    public static IReadOnlyList<string> ColumnsOf(PSObject? row, string emailColumn)
    {
        if (row?.BaseObject is IDictionary dictionary)
            return dictionary.Keys.Cast<object?>().Select(k => Unwrap(k)?.ToString() ?? "").Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (row?.BaseObject is string)
            return new[] { emailColumn };
        if (row is null || row.BaseObject.GetType().IsPrimitive)
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
