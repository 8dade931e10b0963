namespace CampaignMonitor.Core.Send.Mirror;

/// <summary>What -Mirror did, for the result and the run history.</summary>
internal sealed record MirrorReport(MirrorStatus Status, long Removed = 0, long RemoveFailed = 0, long WouldRemove = 0)
{
    public static readonly MirrorReport NotRequested = new(MirrorStatus.NotRequested);

    /// <summary>The members that could not be removed (the first of them, with why).</summary>
    public IReadOnlyList<RemovalFailure> Failures { get; init; } = Array.Empty<RemovalFailure>();
}
