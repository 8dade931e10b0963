using CampaignMonitor.Core.Api;

namespace CampaignMonitor.Core.Administration;

/// <summary>
/// Takes one address off one list, or off every list of the client that has it (-AllLists): deleted, or with
/// <see cref="Unsubscribe"/> an opt-out recorded. The client's retries apply to every request.
/// </summary>
internal sealed class SubscriberRemover
{
    private readonly CampaignMonitorClient _client;

    public SubscriberRemover(CampaignMonitorClient client, bool unsubscribe)
    {
        _client = client;
        Unsubscribe = unsubscribe;
    }

    public bool Unsubscribe { get; }

    /// <summary>"Unsubscribe" or "Delete": what is done, for messages.</summary>
    public string Action => Unsubscribe ? "Unsubscribe" : "Delete";

    /// <summary>Removes the address from one list; Found is false when the list does not have it (code 203).</summary>
    public async Task<RemovalTarget> FromListAsync(string listId, string listName, string email, CancellationToken cancellationToken)
    {
        var found = Unsubscribe
            ? await _client.UnsubscribeAsync(listId, email, cancellationToken).ConfigureAwait(false)
            : await _client.DeleteSubscriberAsync(listId, email, cancellationToken).ConfigureAwait(false);
        return new RemovalTarget(listId, listName, found);
    }

    /// <summary>
    /// Removes the address from every list of the client that still has it (<see cref="StillThere"/>). Empty when
    /// no list has it.
    /// </summary>
    public async Task<IReadOnlyList<RemovalTarget>> FromAllListsAsync(string clientId, string email, CancellationToken cancellationToken)
    {
        var lists = await _client.GetListsForEmailAsync(clientId, email, cancellationToken).ConfigureAwait(false);
        var removed = new List<RemovalTarget>();
        foreach (var list in lists.Where(l => StillThere(l.SubscriberState)))
            removed.Add(await FromListAsync(list.ListID, list.ListName ?? list.ListID, email, cancellationToken).ConfigureAwait(false));
        return removed;
    }

    /// <summary>A deleted address is gone already; an unsubscribed one is gone for an unsubscribe, not for a delete.</summary>
    private bool StillThere(string? state) => state switch
    {
        "Deleted" => false,
        "Unsubscribed" => !Unsubscribe,
        _ => true,
    };
}
