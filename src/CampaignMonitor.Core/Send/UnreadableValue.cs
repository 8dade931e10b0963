namespace CampaignMonitor.Core.Send;

/// <summary>
/// What a host puts in a row for a mapped property whose getter threw: the row is refused for that column (code
/// UnreadableValue) instead of the send stopping.
/// </summary>
internal sealed record UnreadableValue(string Reason)
{
    public override string ToString() => "";
}
