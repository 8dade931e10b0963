using System.Buffers.Binary;
using CampaignMonitor.Core.IO;

namespace CampaignMonitor.Core.Send.Incremental;

/// <summary>
/// -Incremental: for every address whose row was confirmed imported, a fingerprint of the address and one of the
/// values sent, so the next send skips rows that did not change.
/// <para>
/// The file (version 1, little-endian): "CMIS", the version (int32), the fingerprint of what the state is valid
/// for (<see cref="SentValues.Context"/>: destination, template, list, mapping; uint64), the number of addresses
/// (int64), then for each address, sorted by it, its fingerprint and its values' fingerprint (2 × uint64): 16 bytes
/// an address, 1M addresses in 16 MB, read and written in one pass. Written atomically at the end of every send,
/// confirmed rows only, so a crash means more is sent next time, never less.
/// </para>
/// </summary>
internal sealed class IncrementalState
{
    public const int FormatVersion = 1;
    private const int HeaderSize = 4 + 4 + 8 + 8;
    private const int EntrySize = 16;
    private static readonly byte[] Magic = "CMIS"u8.ToArray();

    private readonly ulong[] _addresses;
    private readonly ulong[] _values;
    private readonly List<(ulong Address, ulong Values, long Row)> _confirmed = new();
    private readonly HashSet<ulong> _removed = new();

    private IncrementalState(string path, ulong context, ulong[] addresses, ulong[] values, string? startedAfresh)
    {
        Path = path;
        Context = context;
        _addresses = addresses;
        _values = values;
        StartedAfresh = startedAfresh;
    }

    /// <summary>Where a destination's (and data template's) state is kept when -StatePath does not say: state/ in the settings folder.</summary>
    public static string DefaultPath(string settingsFolder, string destination, string? template) =>
        System.IO.Path.Combine(settingsFolder, "state", (template is null ? destination : $"{destination}@{template}").ToLowerInvariant() + ".state");

    /// <summary>Forgets a destination's states in the settings folder (all its templates'): its list was emptied elsewhere.</summary>
    public static void ForgetDefault(string settingsFolder, string destination)
    {
        var folder = System.IO.Path.Combine(settingsFolder, "state");
        if (!Directory.Exists(folder))
            return;
        var name = destination.ToLowerInvariant();
        foreach (var file in Directory.EnumerateFiles(folder, "*.state"))
        {
            var stem = System.IO.Path.GetFileNameWithoutExtension(file);
            if (stem == name || stem.StartsWith(name + "@", StringComparison.Ordinal))
            {
                try { File.Delete(file); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
            }
        }
    }

    public string Path { get; }

    /// <summary>What this state is valid for; a state of another context is not used.</summary>
    public ulong Context { get; }

    /// <summary>Addresses known from earlier sends.</summary>
    public int Count => _addresses.Length;

    /// <summary>Why the earlier state was not used (null when it was, or there was none).</summary>
    public string? StartedAfresh { get; }

    /// <summary>
    /// Reads the state at <paramref name="path"/> for <paramref name="context"/>. None there, -Resync, or a state of
    /// another mapping, list or template: an empty state (<see cref="StartedAfresh"/> says why). A file that is not
    /// a state of this version is refused, naming the file, rather than overwritten.
    /// </summary>
    public static IncrementalState Open(string path, ulong context, bool resync)
    {
        if (!File.Exists(path))
            return Empty(path, context, null);
        if (resync)
            return Empty(path, context, "-Resync: every row is sent and the state is rebuilt");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SendException(SendErrorKind.StateUnavailable, $"The incremental state '{path}' cannot be read: {ex.Message}", ex);
        }
        if (bytes.Length < HeaderSize || !bytes.AsSpan(0, 4).SequenceEqual(Magic) || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != FormatVersion)
            throw new SendException(SendErrorKind.StateInvalid, $"'{path}' is not an incremental state of this version. Give another -StatePath, or remove the file (or send with -Resync) to start afresh.");
        var stored = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8));
        var count = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16));
        if (count < 0 || bytes.Length != HeaderSize + count * EntrySize)
            throw new SendException(SendErrorKind.StateInvalid, $"The incremental state '{path}' is damaged (its length does not match its count). Remove it (or send with -Resync) to start afresh.");
        if (stored != context)
            return Empty(path, context, "the mapping, the list or the data template changed since the state was written: every row is sent");
        var addresses = new ulong[count];
        var values = new ulong[count];
        var entries = bytes.AsSpan(HeaderSize);
        for (var i = 0; i < count; i++)
        {
            addresses[i] = BinaryPrimitives.ReadUInt64LittleEndian(entries.Slice(i * EntrySize));
            values[i] = BinaryPrimitives.ReadUInt64LittleEndian(entries.Slice(i * EntrySize + 8));
        }
        return new IncrementalState(path, context, addresses, values, null);
    }

    private static IncrementalState Empty(string path, ulong context, string? why) => new(path, context, Array.Empty<ulong>(), Array.Empty<ulong>(), why);

    /// <summary>This address was confirmed with exactly these values by an earlier send.</summary>
    public bool IsUnchanged(ulong address, ulong values)
    {
        var at = Array.BinarySearch(_addresses, address);
        return at >= 0 && _values[at] == values;
    }

    /// <summary>A row the API confirmed imported; of several rows for one address, the last in the input is kept.</summary>
    public void Confirmed(ulong address, ulong values, long rowNumber) => _confirmed.Add((address, values, rowNumber));

    /// <summary>An address removed from the list (-Mirror): it leaves the state.</summary>
    public void Removed(ulong address) => _removed.Add(address);

    /// <summary>Writes the state: the earlier one with this send's confirmed rows and removals applied.</summary>
    public void Save()
    {
        var latest = new Dictionary<ulong, (ulong Values, long Row)>(_confirmed.Count);
        foreach (var (address, values, row) in _confirmed)
        {
            if (!latest.TryGetValue(address, out var kept) || row >= kept.Row)
                latest[address] = (values, row);
        }
        var merged = new List<(ulong Address, ulong Values)>(_addresses.Length + latest.Count);
        for (var i = 0; i < _addresses.Length; i++)
        {
            if (!latest.ContainsKey(_addresses[i]) && !_removed.Contains(_addresses[i]))
                merged.Add((_addresses[i], _values[i]));
        }
        foreach (var (address, kept) in latest)
        {
            if (!_removed.Contains(address))
                merged.Add((address, kept.Values));
        }
        merged.Sort((a, b) => a.Address.CompareTo(b.Address));
        var bytes = new byte[HeaderSize + (long)merged.Count * EntrySize];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), FormatVersion);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), Context);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16), merged.Count);
        for (var i = 0; i < merged.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(HeaderSize + i * EntrySize), merged[i].Address);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(HeaderSize + i * EntrySize + 8), merged[i].Values);
        }
        try
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
            AtomicFile.Write(Path, stream => stream.Write(bytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SendException(SendErrorKind.StateUnavailable, $"The incremental state '{Path}' could not be written: {ex.Message}", ex);
        }
    }
}
