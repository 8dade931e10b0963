namespace CampaignMonitor.Core.Send.Events;

/// <summary>
/// Told once: batches kept failing, so from batch <see cref="FromBatch"/> on nothing more is sent (those rows follow
/// as <see cref="RowRejected"/>, not delivered).
/// </summary>
internal sealed record CircuitOpened(int FromBatch, string Reason) : SendEvent;
