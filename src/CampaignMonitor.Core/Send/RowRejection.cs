namespace CampaignMonitor.Core.Send;

/// <summary>
/// One row that was not imported: which row (its 1-based position in the input), its address, the column at fault,
/// a code (ours, or the API's number), the reason, who decided, and the row's values (for the reject file).
/// </summary>
internal sealed record RowRejection(long RowNumber, string EmailAddress, string? Column, string Code, string Reason, RejectOrigin Origin, RowValues Row)
{
    /// <summary>True when the row was never confirmed (not delivered, or stopped): it can be sent again as it is.</summary>
    public bool NotDelivered => Origin is RejectOrigin.Delivery or RejectOrigin.Stopped;
}
