using System.Text;
using System.Text.Json;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// -CheckpointPath: an append-only record of the batches the API confirmed, so a send that was stopped or killed can
/// be run again and send only the rest. One JSON line per confirmed batch (its rows' input positions and a hash of
/// those positions with their addresses), flushed to disk before the batch is counted; a torn last line (the kill
/// came mid-write) is ignored on reading. On a rerun a batch is skipped only when the rows at its positions carry
/// the same addresses as when it was confirmed. The first line says which send it belongs to. A send that ends
/// complete (nothing failed, not stopped) deletes its checkpoint, so tomorrow's run with the same path starts afresh.
/// </summary>
internal sealed class SendCheckpoint : IDisposable
{
    private const int Version = 2;
    private readonly FileStream _file;
    private readonly string _path;
    private readonly List<ConfirmedBatch> _batches;

    private SendCheckpoint(FileStream file, string path, List<ConfirmedBatch> batches)
    {
        _file = file;
        _path = path;
        _batches = batches;
    }

    /// <summary>Batches confirmed by earlier runs with this checkpoint.</summary>
    public int ConfirmedBatches => _batches.Count;

    /// <summary>Rows confirmed by earlier runs.</summary>
    public long ConfirmedRows => _batches.Sum(b => b.RowCount);

    /// <summary>Opens (or starts) the checkpoint of a send to <paramref name="context"/>'s destination; a checkpoint of another send is refused.</summary>
    public static SendCheckpoint Open(string path, SendContext context)
    {
        try
        {
            return Open(path, context.Destination.Name, context.Template?.Name);
        }
        catch (IOException ex)
        {
            throw new SendException(SendErrorKind.CheckpointUnavailable, $"The checkpoint '{path}' cannot be used: {ex.Message}", ex);
        }
    }

    private static SendCheckpoint Open(string path, string destination, string? template)
    {
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
                Append(file, JsonSerializer.Serialize(new Header(Version, destination, template)));
                return new SendCheckpoint(file, path, new List<ConfirmedBatch>());
            }
            Header? stored = null;
            try { stored = JsonSerializer.Deserialize<Header>(lines[0]); } catch (JsonException) { }
            if (stored is null || stored.Version != Version)
                throw new SendException(SendErrorKind.CheckpointInvalid, $"'{path}' is not a Send-CMSubscribers checkpoint (of this version). Give another -CheckpointPath, or remove the file.");
            if (!string.Equals(stored.Destination, destination, StringComparison.OrdinalIgnoreCase) || !string.Equals(stored.Template ?? "", template ?? "", StringComparison.OrdinalIgnoreCase))
                throw new SendException(SendErrorKind.CheckpointMismatch, $"The checkpoint '{path}' belongs to a send to '{stored.Destination}'{(stored.Template is null ? "" : $" with the data template '{stored.Template}'")}, not this one.");
            var batches = new List<ConfirmedBatch>();
            foreach (var line in lines.Skip(1))
            {
                try
                {
                    var entry = JsonSerializer.Deserialize<Entry>(line);
                    if (entry?.Rows is { Length: > 0 } rows && ulong.TryParse(entry.Hash, System.Globalization.NumberStyles.HexNumber, null, out var hash))
                        batches.Add(new ConfirmedBatch(rows.Select(r => (r[0], r[1])).ToArray(), hash));
                }
                catch (JsonException)
                {
                    // The last line of a killed run may be torn: that batch was not recorded, so it is sent again.
                }
            }
            batches.Sort((a, b) => a.First.CompareTo(b.First));
            file.Seek(0, SeekOrigin.End);
            return new SendCheckpoint(file, path, batches);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The confirmed batch whose rows span this input position, or null.</summary>
    public ConfirmedBatch? BatchAt(long rowNumber)
    {
        int lo = 0, hi = _batches.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (rowNumber < _batches[mid].First) hi = mid - 1;
            else if (rowNumber > _batches[mid].Last) lo = mid + 1;
            else return _batches[mid];
        }
        return null;
    }

    /// <summary>The hash of rows' positions and addresses: what a rerun must match to skip a batch.</summary>
    public static ulong Hash(IEnumerable<PendingRow> rows)
    {
        var hash = new Fnv1a();
        foreach (var row in rows.OrderBy(r => r.RowNumber))
        {
            hash.Add(row.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
            hash.Add(':');
            hash.Add(row.Fingerprint.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
            hash.Add(';');
        }
        return hash.Value;
    }

    /// <summary>Records a batch the API confirmed: written and flushed to disk before returning.</summary>
    public void Record(IReadOnlyList<PendingRow> rows)
    {
        var ranges = new List<long[]>();
        foreach (var row in rows.Select(r => r.RowNumber).Order())
        {
            if (ranges.Count > 0 && ranges[^1][1] == row - 1)
                ranges[^1][1] = row;
            else
                ranges.Add(new[] { row, row });
        }
        Append(_file, JsonSerializer.Serialize(new Entry(ranges.ToArray(), Hash(rows).ToString("x16", System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>The send ended complete: the checkpoint has done its work and goes.</summary>
    public void Delete()
    {
        _file.Dispose();
        File.Delete(_path);
    }

    private static void Append(FileStream file, string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        file.Write(bytes);
        file.Flush(flushToDisk: true);
    }

    public void Dispose() => _file.Dispose();

    private sealed record Header(int Version, string Destination, string? Template);

    private sealed record Entry(long[][] Rows, string Hash);
}
