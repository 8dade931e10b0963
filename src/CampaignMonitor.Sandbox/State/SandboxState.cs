using System.Security.Cryptography;

namespace CampaignMonitor.Sandbox.State;

/// <summary>
/// Everything the sandbox knows, in memory: one client's lists, subscribers, suppression list and sent campaigns.
/// Each list is its own lock; the client-level collections share one.
/// </summary>
internal sealed class SandboxState
{
    private readonly object _clientLock = new();
    private Dictionary<string, MailingList> _lists = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, SuppressionEntry> _suppressed = new(StringComparer.OrdinalIgnoreCase);
    private List<Campaign> _campaigns = new();
    private int _listsCreated;

    public SandboxState(string clientId, TimeProvider time)
    {
        ClientId = clientId;
        Time = time;
    }

    public string ClientId { get; }

    public TimeProvider Time { get; }

    /// <summary>"Now" in the account's time zone, which for the sandbox is UTC, to the second as the API reports it.</summary>
    public DateTime Now
    {
        get
        {
            var now = Time.GetUtcNow().UtcDateTime;
            return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);
        }
    }

    public MailingList? FindList(string listId)
    {
        lock (_clientLock)
            return _lists.GetValueOrDefault(listId);
    }

    public MailingList? FindListByTitle(string title)
    {
        lock (_clientLock)
            return _lists.Values.FirstOrDefault(l => string.Equals(l.Title, title, StringComparison.Ordinal));
    }

    public IReadOnlyList<MailingList> Lists()
    {
        lock (_clientLock)
            return _lists.Values.ToList();
    }

    /// <summary>Deletes a list with its subscribers; false when there is no such list.</summary>
    public bool RemoveList(string listId)
    {
        lock (_clientLock)
            return _lists.Remove(listId);
    }

    /// <summary>Adds a list unless its title is taken; returns null then (code 250).</summary>
    public MailingList? TryAddList(Func<string, MailingList> create, string title)
    {
        lock (_clientLock)
        {
            if (_lists.Values.Any(l => string.Equals(l.Title, title, StringComparison.Ordinal)))
                return null;
            // Ids follow from the client, the title and the order of creation, so a run can be repeated exactly
            // (fault decisions hash the request path, which holds the id).
            var list = create(DerivedId($"{ClientId}|{title}|{++_listsCreated}"));
            _lists[list.ListID] = list;
            return list;
        }
    }

    public bool IsSuppressed(string email)
    {
        lock (_clientLock)
            return _suppressed.Count > 0 && _suppressed.ContainsKey(email);
    }

    /// <summary>Adds an address to the suppression list (kept with its first date and reason).</summary>
    public void Suppress(string email, string reason = "Manual")
    {
        lock (_clientLock)
            _suppressed.TryAdd(email, new SuppressionEntry(email, Now, reason));
    }

    /// <summary>Takes an address off the suppression list; false when it was not on it.</summary>
    public bool Unsuppress(string email)
    {
        lock (_clientLock)
            return _suppressed.Remove(email);
    }

    public int SuppressedCount
    {
        get { lock (_clientLock) return _suppressed.Count; }
    }

    public IReadOnlyList<SuppressionEntry> Suppressed()
    {
        lock (_clientLock)
            return _suppressed.Values.ToList();
    }

    public IReadOnlyList<Campaign> Campaigns()
    {
        lock (_clientLock)
            return _campaigns.ToList();
    }

    public Campaign? FindCampaign(string campaignId)
    {
        lock (_clientLock)
            return _campaigns.FirstOrDefault(c => string.Equals(c.CampaignID, campaignId, StringComparison.OrdinalIgnoreCase));
    }

    public void AddCampaign(Campaign campaign)
    {
        lock (_clientLock)
            _campaigns.Add(campaign);
    }

    public void Reset()
    {
        lock (_clientLock)
        {
            _lists = new(StringComparer.OrdinalIgnoreCase);
            _suppressed = new(StringComparer.OrdinalIgnoreCase);
            _campaigns = new();
        }
    }

    public static string DerivedId(string from) =>
        Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(from)), 0, 16).ToLowerInvariant();

    /// <summary>A 32-hex-digit id like the API's.</summary>
    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
