namespace CampaignMonitor.Core.Send.Mirror;

/// <summary>The list's Active and Unconfirmed members, read after the sends, and those of them not in the input.</summary>
internal sealed record MirrorPlan(long Members, IReadOnlyList<string> Leavers)
{
    /// <summary>The share of the members that would be removed, in percent.</summary>
    public double Percent => Members == 0 ? 0 : 100.0 * Leavers.Count / Members;
}
