using System.Text;
using System.Text.Json;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// -CheckpointPath: an append-only record of the rows whose batch the API confirmed, so a send that was killed can
/// be run again with the same input and send only the rest. One JSON line per confirmed batch, flushed to disk
/// before the next is counted; a torn last line (the kill came mid-write) is ignored on reading. The first line
/// says which send and which input it belongs to, so a checkpoint is never applied to other input.
/// </summary>
internal sealed class SendCheckpoint : IDisposable
{
    private const int Version = 1;
    private readonly FileStream _file;
    private readonly List<(long From, long To)> _confirmed = new();
    private bool _sorted = true;

    private SendCheckpoint(FileStream file, int confirmedBatches)
    {
        _file = file;
        ConfirmedBatches = confirmedBatches;
    }

    /// <summary>Batches confirmed by earlier runs with this checkpoint.</summary>
    public int ConfirmedBatches { get; }

    /// <summary>Rows confirmed by earlier runs.</summary>
    public long ConfirmedRows => _confirmed.Sum(r => r.To - r.From + 1);

    /// <summary>
    /// Opens (or starts) the checkpoint of a send to <paramref name="context"/>'s destination. The input is known by
    /// its columns and first row; a checkpoint written for other input or another send is refused.
    /// </summary>
    public static SendCheckpoint Open(string path, SendContext context, IReadOnlyList<string> columns, IEnumerable<string?> firstRow)
    {
        try
        {
            return Open(path, context.Destination.Name, context.Template?.Name, Signature(columns, firstRow));
        }
        catch (IOException ex)
        {
            throw new SendException(SendErrorKind.CheckpointUnavailable, $"The checkpoint '{path}' cannot be used: {ex.Message}", ex);
        }
    }

    private static SendCheckpoint Open(string path, string destination, string? template, string inputSignature)
    {
        var header = JsonSerializer.Serialize(new Header(Version, destination, template, inputSignature));
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var lines = new List<string>();
            using (var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
            {
                string? line;
                while ((line = reader.ReadLine()) is not null)
                    lines.Add(line);
            }
            if (lines.Count == 0)
            {
                Append(file, header);
                return new SendCheckpoint(file, 0);
            }
            Header? stored = null;
            try { stored = JsonSerializer.Deserialize<Header>(lines[0]); } catch (JsonException) { }
            if (stored is null || stored.Version != Version)
                throw new SendException(SendErrorKind.CheckpointInvalid, $"'{path}' is not a Send-CMSubscribers checkpoint. Give another -CheckpointPath, or remove the file.");
            if (!string.Equals(stored.Destination, destination, StringComparison.OrdinalIgnoreCase) || !string.Equals(stored.Template ?? "", template ?? "", StringComparison.OrdinalIgnoreCase))
                throw new SendException(SendErrorKind.CheckpointMismatch, $"The checkpoint '{path}' belongs to a send to '{stored.Destination}'{(stored.Template is null ? "" : $" with the data template '{stored.Template}'")}, not this one.");
            if (stored.Input != inputSignature)
                throw new SendException(SendErrorKind.CheckpointMismatch, $"The checkpoint '{path}' was written for other input (its columns or first row differ). Use the same input to resume, or another -CheckpointPath for a new send.");
            var confirmed = new List<(long From, long To)>();
            var batches = 0;
            foreach (var line in lines.Skip(1))
            {
                try
                {
                    var ranges = JsonSerializer.Deserialize<long[][]>(line) ?? Array.Empty<long[]>();
                    confirmed.AddRange(ranges.Select(r => (r[0], r[1])));
                    batches++;
                }
                catch (JsonException)
                {
                    // The last line of a killed run may be torn: that batch was not recorded, so it is sent again.
                }
            }
            file.Seek(0, SeekOrigin.End);
            var checkpoint = new SendCheckpoint(file, batches);
            confirmed.ForEach(r => checkpoint.Add(r.From, r.To));
            return checkpoint;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>A signature of the input: its columns and the first row's values.</summary>
    private static string Signature(IEnumerable<string> columns, IEnumerable<string?> firstRow)
    {
        var hash = new Fnv1a();
        hash.Add(string.Join("\u001f", columns) + "\u001e" + string.Join("\u001f", firstRow));
        return hash.Value.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool Contains(long rowNumber)
    {
        if (!_sorted)
        {
            _confirmed.Sort();
            _sorted = true;
        }
        int lo = 0, hi = _confirmed.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (rowNumber < _confirmed[mid].From) hi = mid - 1;
            else if (rowNumber > _confirmed[mid].To) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /// <summary>Records a batch the API confirmed: written and flushed to disk before returning.</summary>
    public void Record(IEnumerable<long> rowNumbers)
    {
        var ranges = new List<long[]>();
        foreach (var row in rowNumbers.Order())
        {
            if (ranges.Count > 0 && ranges[^1][1] == row - 1)
                ranges[^1][1] = row;
            else
                ranges.Add(new[] { row, row });
        }
        foreach (var range in ranges)
            Add(range[0], range[1]);
        Append(_file, JsonSerializer.Serialize(ranges));
    }

    private void Add(long from, long to)
    {
        _confirmed.Add((from, to));
        _sorted = false;
    }

    private static void Append(FileStream file, string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        file.Write(bytes);
        file.Flush(flushToDisk: true);
    }

    public void Dispose() => _file.Dispose();

    private sealed record Header(int Version, string Destination, string? Template, string Input);
}
