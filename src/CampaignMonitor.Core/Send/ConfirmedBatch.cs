namespace CampaignMonitor.Core.Send;

/// <summary>
/// A batch an earlier run had confirmed, as its checkpoint recorded it: the input positions of its rows (as ranges)
/// and a hash of those positions with their addresses.
/// </summary>
internal sealed record ConfirmedBatch((long From, long To)[] Ranges, ulong Hash)
{
    public long First => Ranges[0].From;
    public long Last => Ranges[^1].To;
    public long RowCount => Ranges.Sum(r => r.To - r.From + 1);

    public bool Contains(long rowNumber) => Ranges.Any(r => rowNumber >= r.From && rowNumber <= r.To);
}
