using System.Collections.Concurrent;
using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Send.Mirror;

/// <summary>
/// -Mirror: after the sends, the list's Active and Unconfirmed members whose address was not in the input are
/// removed. Every safety rule is here: never after failures, a stop or an empty input (<see cref="Skip"/>), never
/// above the removal limit (<see cref="ExceedsLimit"/>); members are read page by page, compared as fingerprints,
/// and removed concurrently with the client's retries, an address already gone counting as removed.
/// </summary>
internal sealed class ListMirror
{
    private readonly CampaignMonitorClient _client;
    private readonly string _listId;

    public ListMirror(CampaignMonitorClient client, string listId, MirrorAction action, int maxRemovalPercent, int concurrency)
    {
        _client = client;
        _listId = listId;
        Action = action;
        MaxRemovalPercent = maxRemovalPercent;
        Concurrency = concurrency;
    }

    public MirrorAction Action { get; }
    public int MaxRemovalPercent { get; }
    public int Concurrency { get; }

    /// <summary>Why the removal step must not run after these sends; null when it may.</summary>
    public static MirrorStatus? Skip(SendSummary? summary, bool stopped) =>
        stopped ? MirrorStatus.Stopped
        : summary is null || summary.Received == 0 ? MirrorStatus.SkippedEmptyInput
        : summary.Failed > 0 ? MirrorStatus.SkippedFailures
        : null;

    /// <summary>The plan would remove more than the limit allows.</summary>
    public bool ExceedsLimit(MirrorPlan plan) => plan.Leavers.Count * 100L > plan.Members * (long)MaxRemovalPercent;

    /// <summary>Why a plan above the limit removes nothing, with the counts and what to do.</summary>
    public string LimitMessage(MirrorPlan plan) =>
        $"-Mirror would remove {plan.Leavers.Count:N0} of the list's {plan.Members:N0} active and unconfirmed members ({plan.Percent:0.0}%), more than -MaxRemovalPercent {MaxRemovalPercent}: nobody was removed. "
        + $"If the input really lost that many people, send again with -MaxRemovalPercent {Math.Min(100, (int)Math.Ceiling(plan.Percent))}; otherwise check the input (a partial export?).";

    /// <summary>The fingerprints of the list's Active members (for -Incremental's drift rule, read before the sends).</summary>
    public static async Task<FingerprintSet> ActiveMembersAsync(CampaignMonitorClient client, string listId, CancellationToken cancellationToken)
    {
        var active = new FingerprintSet();
        await foreach (var member in client.GetSubscribersAsync(listId, SubscriberState.Active, paging: new PageRequest(), cancellationToken: cancellationToken).ConfigureAwait(false))
            active.Add(EmailRule.Fingerprint(member.EmailAddress));
        return active;
    }

    /// <summary>Reads the Active and Unconfirmed members; those whose address <paramref name="inInput"/> does not know are the leavers.</summary>
    public async Task<MirrorPlan> PlanAsync(Func<ulong, bool> inInput, CancellationToken cancellationToken)
    {
        long members = 0;
        var leavers = new List<string>();
        foreach (var state in new[] { SubscriberState.Active, SubscriberState.Unconfirmed })
        {
            await foreach (var member in _client.GetSubscribersAsync(_listId, state, paging: new PageRequest(), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                members++;
                if (!inInput(EmailRule.Fingerprint(member.EmailAddress)))
                    leavers.Add(member.EmailAddress);
            }
        }
        return new MirrorPlan(members, leavers);
    }

    /// <summary>
    /// Removes the leavers, <see cref="Concurrency"/> at a time. <paramref name="removed"/> is told each address
    /// removed (or already gone), from any thread. A stop cancels what is left.
    /// </summary>
    public async Task<MirrorOutcome> RemoveAsync(MirrorPlan plan, Action<string> removed, CancellationToken cancellationToken)
    {
        long count = 0;
        var failures = new ConcurrentQueue<RemovalFailure>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(plan.Leavers, options, async (email, token) =>
        {
            try
            {
                // An address already gone (code 203) is what the removal wanted.
                _ = Action == MirrorAction.Delete
                    ? await _client.DeleteSubscriberAsync(_listId, email, token).ConfigureAwait(false)
                    : await _client.UnsubscribeAsync(_listId, email, token).ConfigureAwait(false);
                Interlocked.Increment(ref count);
                removed(email);
            }
            catch (Exception ex) when (ex is CampaignMonitorException or HttpRequestException or TimeoutException or InvalidDataException)
            {
                failures.Enqueue(new RemovalFailure(email, ex.Message));
            }
        }).ConfigureAwait(false);
        return new MirrorOutcome(count, failures.ToArray());
    }
}
