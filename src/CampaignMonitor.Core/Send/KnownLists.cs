using System.Collections.Concurrent;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// The list IDs that sends in this process have found or created, by API address, client and list name. Only a
/// shortcut: a remembered list is read and its name checked before it is used, and a deleted or renamed one is looked
/// up again by name. Kept in memory only, never written anywhere.
/// </summary>
internal static class KnownLists
{
    private static readonly ConcurrentDictionary<string, string> ListIds = new(StringComparer.Ordinal);

    public static string Key(Uri baseUri, string clientId, string listName) => $"{baseUri.AbsoluteUri}\n{clientId}\n{listName}";

    public static bool TryGet(string key, out string listId) => ListIds.TryGetValue(key, out listId!);

    public static void Remember(string key, string listId) => ListIds[key] = listId;
}
