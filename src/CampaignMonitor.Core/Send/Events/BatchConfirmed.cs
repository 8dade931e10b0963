namespace CampaignMonitor.Core.Send.Events;

/// <summary>The API answered a batch (a partial import, code 210, included: its refused rows follow as <see cref="RowRejected"/>).</summary>
internal sealed record BatchConfirmed(int Number, int Rows, long FirstRow, int NewSubscribers, int Refused, bool Partial, TimeSpan Duration) : SendEvent;
