namespace CampaignMonitor.Core.Send.Events;

/// <summary>
/// A batch could not be delivered (every retry spent), or was not confirmed before the send was stopped
/// (<see cref="Stopped"/>). Its rows follow as <see cref="RowRejected"/>.
/// </summary>
internal sealed record BatchFailed(int Number, int Rows, long FirstRow, string Reason, bool Stopped) : SendEvent;
