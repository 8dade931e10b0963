namespace CampaignMonitor.Core.Send.Csv;

/// <summary>
/// The column names of one CSV file, found as <c>Import-Csv</c> finds them: a first line starting with '#' is type
/// information and skipped; then the first record not starting with '#' is the header (a '#Fields: ' record is one
/// too, W3C logs); its empty names at the end are dropped, and an empty name inside becomes H1, H2, ...
/// Two names that differ only in case make the file unreadable, as they do for Import-Csv.
/// </summary>
internal sealed class CsvHeader
{
    private const string FieldsPrefix = "#Fields: ";

    private CsvHeader(IReadOnlyList<string> names, int unnamed)
    {
        Names = names;
        Unnamed = unnamed;
    }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many columns had no name (and were named H1, H2, ...).</summary>
    public int Unnamed { get; }

    /// <summary>Reads the header; a file with no header at all has no columns (and no rows).</summary>
    public static CsvHeader Read(CsvRecordReader reader, string file)
    {
        reader.SkipLineIfStartsWith('#');
        var values = new List<string>();
        while (reader.ReadRecord(values))
        {
            if (reader.UnclosedValue is not null)
            {
                throw new SendException(SendErrorKind.CsvUnreadable,
                    $"The header of '{file}' (line {reader.RecordLine}) opens a quote that is never closed, so its columns cannot be known. Close the quote and send again.");
            }
            while (values.Count > 1 && values[^1].Length == 0)
                values.RemoveAt(values.Count - 1);
            if (values[0].StartsWith(FieldsPrefix, StringComparison.Ordinal))
            {
                values[0] = values[0][FieldsPrefix.Length..];
                return Named(values, file);
            }
            if (!values[0].StartsWith('#'))
                return Named(values, file);
        }
        return new CsvHeader(Array.Empty<string>(), 0);
    }

    private static CsvHeader Named(List<string> values, string file)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length == 0)
                continue;
            if (seen.TryGetValue(values[i], out var earlier))
            {
                throw new SendException(SendErrorKind.CsvUnreadable,
                    $"The header of '{file}' names a column '{values[i]}' twice (columns {earlier + 1} and {i + 1}; names are compared ignoring case). Import-Csv refuses such a file too: rename one of them.");
            }
            seen[values[i]] = i;
        }
        var unnamed = 0;
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
            names[i] = values[i].Length > 0 ? values[i] : "H" + ++unnamed;
        return new CsvHeader(names, unnamed);
    }
}
