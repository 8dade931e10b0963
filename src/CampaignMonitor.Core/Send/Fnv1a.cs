namespace CampaignMonitor.Core.Send;

/// <summary>
/// 64-bit FNV-1a over UTF-16 code units (low byte, then high byte): cheap, and the same on every run and platform,
/// so a fingerprint can be kept in memory for millions of rows or written to a file and compared later.
/// </summary>
internal struct Fnv1a
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private ulong _hash;

    public Fnv1a() => _hash = Offset;

    public readonly ulong Value => _hash;

    public void Add(char c)
    {
        _hash = (_hash ^ (byte)c) * Prime;
        _hash = (_hash ^ (byte)(c >> 8)) * Prime;
    }

    public void Add(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            Add(c);
    }
}
