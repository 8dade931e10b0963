namespace CampaignMonitor.Core.Send;

/// <summary>
/// The counts of a send. Once every batch has come back, Received = New + Existing + Duplicates + Rejected + Failed
/// + Skipped (<see cref="Accounted"/>).
/// </summary>
internal sealed record SendSummary(long Received, long New, long Existing, long Duplicates, long Rejected, long Failed, long Skipped,
    int Batches, IReadOnlyList<RowRejection> Rejects, bool DryRun)
{
    public long Accounted => New + Existing + Duplicates + Rejected + Failed + Skipped;

    /// <summary>Rows the API confirmed as imported.</summary>
    public long Imported => New + Existing + Duplicates;
}
