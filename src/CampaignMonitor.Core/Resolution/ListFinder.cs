using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Resolution;

/// <summary>
/// The one rule for finding a client's list by name, for sends and readers alike: the exact name, else the one list
/// whose name matches ignoring case (two or more such lists match none).
/// </summary>
internal static class ListFinder
{
    /// <summary>The lists whose names match ignoring case, when none matches exactly and more than one does so: a name that says nothing.</summary>
    public static IReadOnlyList<ClientList> Ambiguous(IReadOnlyList<ClientList> lists, string name)
    {
        if (lists.Any(l => string.Equals(l.Name, name, StringComparison.Ordinal)))
            return Array.Empty<ClientList>();
        var alike = lists.Where(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return alike.Count > 1 ? alike : Array.Empty<ClientList>();
    }

    public static ClientList? Find(IReadOnlyList<ClientList> lists, string name) =>
        lists.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.Ordinal))
        ?? (lists.Count(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)) == 1
            ? lists.First(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))
            : null);
}
