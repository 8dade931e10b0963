namespace CampaignMonitor.Core.Send;

/// <summary>
/// The counts of a send. Once every batch has come back, Received = New + Existing + Duplicates + Rejected + Failed
/// + Skipped + Unchanged + WouldSend (<see cref="Accounted"/>). In a dry run, rows a real send would import count as
/// <see cref="WouldSend"/> (and repeated addresses as <see cref="Duplicates"/>), so a dry run and the send after it agree.
/// </summary>
/// <param name="RejectedByCode">How many rows each code refused (our checks and the API's), every row counted.</param>
internal sealed record SendSummary(long Received, long New, long Existing, long Duplicates, long Rejected, long Failed, long Skipped,
    long Unchanged, long WouldSend, int Batches, IReadOnlyList<RowRejection> Rejects, IReadOnlyDictionary<string, long> RejectedByCode,
    bool DryRun, bool CircuitOpened)
{
    public long Accounted => New + Existing + Duplicates + Rejected + Failed + Skipped + Unchanged + WouldSend;

    /// <summary>Rows the API confirmed as imported.</summary>
    public long Imported => New + Existing + Duplicates;
}
