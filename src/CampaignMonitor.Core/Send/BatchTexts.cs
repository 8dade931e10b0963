using System.Buffers;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// The input values of a batch's rows, packed as text into one pooled buffer while the batch waits for its answer.
/// A row waiting in flight would otherwise keep its values array and every value string alive (nine objects for a
/// CSV row of eight columns), and each garbage collection during the wait would promote them all: with four batches
/// in flight that was most of the send's collection work. Only the input columns are kept (what a reject file
/// writes), and only rows whose values are all text or empty (Import-Csv's, -Path's); any other row keeps its values.
/// </summary>
internal sealed class BatchTexts
{
    private readonly int _columns;
    private char[] _chars;
    private readonly int[] _starts; // per row and column: where the text starts, or -1 for null
    private readonly int[] _lengths;
    private int _used;

    private BatchTexts(int rows, int columns, int chars)
    {
        _columns = columns;
        _chars = ArrayPool<char>.Shared.Rent(Math.Max(chars, 1));
        _starts = new int[rows * columns];
        _lengths = new int[rows * columns];
    }

    /// <summary>Packs the rows that can be packed (each then reads its values from here); null when none can.</summary>
    public static BatchTexts? Pack(IReadOnlyList<PendingRow> rows, int columns)
    {
        var chars = 0;
        var packable = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (TextLength(rows[i].Row, columns) is { } length)
            {
                chars += length;
                packable[i] = true;
            }
        }
        if (columns == 0 || Array.IndexOf(packable, true) < 0)
            return null;
        var texts = new BatchTexts(rows.Count, columns, chars);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!packable[i])
                continue;
            var values = rows[i].Row;
            for (var c = 0; c < columns; c++)
                texts.Put(i * columns + c, values[c] as string);
            rows[i].PackedInto(texts, i);
        }
        return texts;
    }

    /// <summary>The values of the row at this position of the batch, as new strings.</summary>
    public RowValues Values(int row)
    {
        var values = new object?[_columns];
        for (var c = 0; c < _columns; c++)
        {
            var at = row * _columns + c;
            if (_starts[at] >= 0)
                values[c] = new string(_chars, _starts[at], _lengths[at]);
        }
        return new RowValues(values);
    }

    /// <summary>Gives the buffer back to the pool: call once nothing reads the rows' values any more.</summary>
    public void Release()
    {
        var chars = Interlocked.Exchange(ref _chars, Array.Empty<char>());
        if (chars.Length > 0)
            ArrayPool<char>.Shared.Return(chars);
    }

    /// <summary>The characters of a row's input values, or null when one of them is not text.</summary>
    private static int? TextLength(RowValues values, int columns)
    {
        var length = 0;
        for (var c = 0; c < columns && c < values.Count; c++)
        {
            switch (values[c])
            {
                case null:
                    break;
                case string text:
                    length += text.Length;
                    break;
                default:
                    return null;
            }
        }
        return values.Count >= columns ? length : null;
    }

    private void Put(int at, string? text)
    {
        if (text is null)
        {
            _starts[at] = -1;
            return;
        }
        text.CopyTo(0, _chars, _used, text.Length);
        _starts[at] = _used;
        _lengths[at] = text.Length;
        _used += text.Length;
    }
}
