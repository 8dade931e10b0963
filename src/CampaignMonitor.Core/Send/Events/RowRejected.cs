namespace CampaignMonitor.Core.Send.Events;

/// <summary>A row was not imported: refused by our checks or the API, not delivered, or stopped.</summary>
internal sealed record RowRejected(RowRejection Rejection) : SendEvent;
