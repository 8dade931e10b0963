namespace CampaignMonitor.Core.Send.Mirror;

/// <summary>What the removal step did: how many members it removed (an address already gone counts), and those it could not.</summary>
internal sealed record MirrorOutcome(long Removed, IReadOnlyList<RemovalFailure> Failures);
