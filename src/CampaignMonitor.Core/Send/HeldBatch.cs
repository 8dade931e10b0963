namespace CampaignMonitor.Core.Send;

/// <summary>The rows of a rerun that fall at a confirmed batch's positions, waiting until all of them are in.</summary>
internal sealed class HeldBatch
{
    public HeldBatch(ConfirmedBatch batch) => Batch = batch;

    public ConfirmedBatch Batch { get; }

    public List<PendingRow> Rows { get; } = new();
}
