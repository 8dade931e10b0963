namespace CampaignMonitor.Core.Send.Csv;

/// <summary>
/// Reads the records of a CSV text exactly as <c>Import-Csv</c> reads them, which is not RFC 4180: spaces and tabs
/// before a value are dropped; after a closing quote, blanks are dropped and anything else is kept as written;
/// an unquoted value that meets a quote or a blank is read verbatim to the next delimiter, except that a run of
/// blanks ending the value keeps only its first blank; a newline inside quotes is kept as written; at the end of the
/// text, an empty last value is not a value. <c>Send-CMSubscribers -Path</c> promises the same rows as
/// <c>Import-Csv | Send-CMSubscribers</c>, to the byte, so these rules are reproduced rather than improved.
/// <para>
/// Where Import-Csv silently misreads, the record says so instead: a quote never closed (Import-Csv reads the rest of
/// the file as one value) ends the record at its line, and reading goes on from the next line.
/// Lines are counted as Import-Csv's reader counts them: CR LF, CR and LF each end one.
/// </para>
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private readonly Func<TextReader> _open;
    private readonly char _delimiter;
    private readonly char[] _buffer = new char[BufferSize];
    private char[] _value = new char[256];
    private TextReader _reader;
    private int _position;
    private int _length;
    private long _charsBefore; // characters of the text before _buffer[0]
    private int _valueLength;

    /// <param name="open">Opens the text from its start (again, to go on after a quote that is never closed).</param>
    /// <param name="delimiter">The value separator.</param>
    public CsvRecordReader(Func<TextReader> open, char delimiter)
    {
        _open = open;
        _delimiter = delimiter;
        _reader = open();
        Line = 1;
    }

    /// <summary>The line the reader is on (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>The line the last record started on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>
    /// When the last record ended at a quote never closed: which of its values (0-based) the quote opened. The record
    /// holds the values before it; reading goes on from the line after <see cref="RecordLine"/>.
    /// </summary>
    public int? UnclosedValue { get; private set; }

    /// <summary>With <see cref="UnclosedValue"/>: the line the text ended on.</summary>
    public long UnclosedUntilLine { get; private set; }

    /// <summary>Skips one line whatever it holds, as Import-Csv skips a first line starting with '#' (type information).</summary>
    public bool SkipLineIfStartsWith(char first)
    {
        if (Peek() != first)
            return false;
        while (true)
        {
            var c = Read();
            if (c < 0)
                return true;
            if (c == '\n' || c == '\r')
            {
                EndOfLine(c);
                return true;
            }
        }
    }

    /// <summary>Reads the next record into <paramref name="values"/>; false at the end of the text (no record).</summary>
    public bool ReadRecord(List<string> values)
    {
        values.Clear();
        UnclosedValue = null;
        RecordLine = Line;
        while (true)
        {
            // The start of a value: blanks before it are dropped.
            int c;
            while ((c = Peek()) >= 0 && c != _delimiter && (c == ' ' || c == '\t'))
                _position++;
            if (c < 0)
                return values.Count > 0; // an empty last value is not a value
            _valueLength = 0;
            bool recordEnds;
            if (c == '"' && c != _delimiter)
            {
                _position++;
                var quoteLine = Line;
                var restartAt = -1L;
                if (!ReadQuoted(ref restartAt))
                {
                    Unclosed(values.Count, quoteLine, restartAt);
                    return true;
                }
                recordEnds = ReadTail(keepBlankTail: false);
            }
            else
            {
                recordEnds = ReadUnquoted();
            }
            values.Add(new string(_value, 0, _valueLength));
            if (recordEnds)
                return true;
        }
    }

    /// <summary>An unquoted value: to the delimiter or line end; a quote or blank inside makes the rest verbatim.</summary>
    private bool ReadUnquoted()
    {
        while (true)
        {
            if (_position >= _length && !Fill())
                return true;
            var start = _position;
            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = IndexOfSpecial(span);
            if (stop < 0)
            {
                Append(span);
                _position = _length;
                continue;
            }
            Append(span[..stop]);
            _position = start + stop + 1;
            var c = span[stop];
            if (c == _delimiter)
                return false;
            if (c == '\r' || c == '\n')
            {
                EndOfLine(c);
                return true;
            }
            // A quote or a blank after the value began: the rest to the delimiter is kept as written (a blank tail
            // after a blank keeps only that first blank).
            AppendChar((char)c);
            return ReadTail(keepBlankTail: c == '"');
        }
    }

    private int IndexOfSpecial(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == _delimiter || c == '"' || c == '\r' || c == '\n' || c == ' ' || c == '\t')
                return i;
        }
        return -1;
    }

    /// <summary>Inside quotes, after the opening one; false when the text ends first.</summary>
    private bool ReadQuoted(ref long restartAt)
    {
        while (true)
        {
            var c = Read();
            if (c < 0)
                return false;
            if (c == '"')
            {
                if (Peek() == '"')
                {
                    _position++;
                    AppendChar('"');
                    continue;
                }
                return true;
            }
            if (c == '\r' || c == '\n')
            {
                AppendChar((char)c);
                if (c == '\r' && Peek() == '\n')
                {
                    _position++;
                    AppendChar('\n');
                }
                Line++;
                if (restartAt < 0)
                    restartAt = _charsBefore + _position;
                continue;
            }
            AppendChar((char)c);
        }
    }

    /// <summary>
    /// The rest of a value to the delimiter or line end, appended as written; a tail of blanks only is dropped unless
    /// <paramref name="keepBlankTail"/>. True when the record ends with it.
    /// </summary>
    private bool ReadTail(bool keepBlankTail)
    {
        var tailStart = _valueLength;
        var blankOnly = true;
        var recordEnds = true;
        while (true)
        {
            var c = Read();
            if (c < 0)
                break;
            if (c == _delimiter)
            {
                recordEnds = false;
                break;
            }
            if (c == '\r' || c == '\n')
            {
                EndOfLine(c);
                break;
            }
            AppendChar((char)c);
            if (c != ' ' && c != '\t')
                blankOnly = false;
        }
        if (blankOnly && !keepBlankTail)
            _valueLength = tailStart;
        return recordEnds;
    }

    /// <summary>
    /// A quote never closed: the record ends before the value it opened, and reading goes on from the line after the
    /// record's first line (reopening the text, as the rest was read into the value).
    /// </summary>
    private void Unclosed(int valueIndex, long quoteLine, long restartAt)
    {
        UnclosedValue = valueIndex;
        // The last line with text on it: a text ending in a line break has no more lines after it.
        UnclosedUntilLine = _valueLength > 0 && _value[_valueLength - 1] is '\n' or '\r' ? Line - 1 : Line;
        if (restartAt < 0)
            return; // the quote was on the last line: nothing follows
        _reader.Dispose();
        _reader = _open();
        _position = _length = 0;
        _charsBefore = 0;
        var skip = restartAt;
        while (skip > 0)
        {
            var read = _reader.Read(_buffer, 0, (int)Math.Min(_buffer.Length, skip));
            if (read <= 0)
                break;
            skip -= read;
            _charsBefore += read;
        }
        Line = quoteLine + 1;
    }

    private void EndOfLine(int c)
    {
        if (c == '\r' && Peek() == '\n')
            _position++;
        Line++;
    }

    private int Peek() => _position < _length || Fill() ? _buffer[_position] : -1;

    private int Read() => _position < _length || Fill() ? _buffer[_position++] : -1;

    private bool Fill()
    {
        _charsBefore += _length;
        _position = 0;
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        if (_length > 0)
            return true;
        _length = 0;
        return false;
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (_valueLength + chars.Length > _value.Length)
            Array.Resize(ref _value, Math.Max(_value.Length * 2, _valueLength + chars.Length));
        chars.CopyTo(_value.AsSpan(_valueLength));
        _valueLength += chars.Length;
    }

    private void AppendChar(char c)
    {
        if (_valueLength == _value.Length)
            Array.Resize(ref _value, _value.Length * 2);
        _value[_valueLength++] = c;
    }

    public void Dispose() => _reader.Dispose();
}
