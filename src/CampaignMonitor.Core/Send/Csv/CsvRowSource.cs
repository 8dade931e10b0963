using System.Text;

namespace CampaignMonitor.Core.Send.Csv;

/// <summary>
/// The data rows of CSV files, in order, as <c>Import-Csv -Path</c> gives them (<see cref="CsvRecordReader"/>,
/// <see cref="CsvHeader"/>): each file has its own header, blank lines are not rows, a missing value is null and
/// rows are numbered across the files. Every file's header is read before the first row, so a file that cannot be
/// read stops the send before anything is sent.
/// <para>
/// A row Import-Csv would silently misread carries its refusal instead (<see cref="RowValues.Problem"/>): a quote
/// never closed, or a value beyond the header's columns (a trailing empty one, as spreadsheets write, is not).
/// </para>
/// </summary>
internal sealed class CsvRowSource : IDisposable
{
    private readonly IReadOnlyList<string> _paths;
    private readonly char _delimiter;
    private readonly Encoding _encoding;
    private readonly List<string> _values = new();
    private readonly IReadOnlyList<CsvHeader> _headers;
    private int _file = -1;
    private CsvRecordReader? _reader;
    private int[]? _index;
    private IReadOnlyList<string>? _indexFor;

    /// <param name="paths">The files, in the order their rows are sent.</param>
    /// <param name="delimiter">The value separator.</param>
    /// <param name="encoding">The text's encoding when it has no byte order mark (one is always honoured, as Import-Csv does).</param>
    public CsvRowSource(IReadOnlyList<string> paths, char delimiter, Encoding encoding)
    {
        if (delimiter is '"' or '\r' or '\n')
            throw new ArgumentException($"'{(delimiter == '"' ? "\"" : "a line break")}' cannot be the delimiter of a CSV file.", nameof(delimiter));
        _paths = paths;
        _delimiter = delimiter;
        _encoding = encoding;
        _headers = paths.Select(path =>
        {
            using var reader = Open(path);
            return CsvHeader.Read(reader, path);
        }).ToList();
    }

    /// <summary>Every file's header, in file order.</summary>
    public IReadOnlyList<CsvHeader> Headers => _headers;

    /// <summary>The file being read (the first before any row).</summary>
    public string? CurrentFile => _paths.Count == 0 ? null : _paths[Math.Clamp(_file, 0, _paths.Count - 1)];

    /// <summary>The columns of the current row's file.</summary>
    public IReadOnlyList<string> Columns => _headers[_file].Names;

    /// <summary>
    /// Moves to the next data row; false after the last row of the last file. Read it with <see cref="Values"/>
    /// before moving on.
    /// </summary>
    public bool MoveNext()
    {
        while (true)
        {
            if (_reader is null)
            {
                if (++_file >= _paths.Count)
                    return false;
                _reader = Open(_paths[_file]);
                CsvHeader.Read(_reader, _paths[_file]);
                _indexFor = null;
            }
            if (!_reader.ReadRecord(_values))
            {
                _reader.Dispose();
                _reader = null;
                continue;
            }
            if (_values.Count == 1 && _values[0].Length == 0 && _reader.UnclosedValue is null)
                continue; // a blank line is not a row
            return true;
        }
    }

    /// <summary>The current row's values of <paramref name="readColumns"/> (by name, ignoring case; null where the file has no such column or the row no such value).</summary>
    public RowValues Values(IReadOnlyList<string> readColumns)
    {
        var index = IndexFor(readColumns);
        var values = new object?[index.Length];
        for (var i = 0; i < index.Length; i++)
        {
            if (index[i] >= 0 && index[i] < _values.Count)
                values[i] = _values[index[i]];
        }
        return new RowValues(values) { Problem = Problem() };
    }

    private Refusal? Problem()
    {
        var reader = _reader!;
        var file = _paths[_file];
        var columns = Columns;
        if (reader.UnclosedValue is { } opened)
        {
            var column = opened < columns.Count ? columns[opened] : null;
            return new Refusal("MalformedCsv",
                $"line {reader.RecordLine} of '{file}' opens a quote{(column is null ? "" : $" in column '{column}'")} that is never closed: Import-Csv would read lines {reader.RecordLine}-{reader.UnclosedUntilLine} as one value. " +
                "Close the quote (a quote inside a quoted value is written twice: \"\"); the lines after it were read as rows of their own", column);
        }
        for (var i = columns.Count; i < _values.Count; i++)
        {
            if (_values[i].Length > 0)
            {
                return new Refusal("MalformedCsv",
                    $"line {reader.RecordLine} of '{file}' has {_values.Count} values where the header has {columns.Count} columns: Import-Csv would drop the extra ones. " +
                    $"Quote the values that contain '{_delimiter}', or add the missing column names to the header");
            }
        }
        return null;
    }

    private int[] IndexFor(IReadOnlyList<string> readColumns)
    {
        if (_index is not null && ReferenceEquals(_indexFor, readColumns))
            return _index;
        var columns = Columns;
        _index = readColumns.Select(name =>
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
                    return i;
            }
            return -1;
        }).ToArray();
        _indexFor = readColumns;
        return _index;
    }

    private CsvRecordReader Open(string path) =>
        new(() => new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan), _encoding,
            detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024), _delimiter);

    public void Dispose() => _reader?.Dispose();
}
