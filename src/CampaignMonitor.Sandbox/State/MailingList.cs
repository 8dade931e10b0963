namespace CampaignMonitor.Sandbox.State;

internal sealed class MailingList
{
    public required string ListID { get; init; }
    public required string Title { get; set; }
    public string UnsubscribePage { get; set; } = "";
    public string UnsubscribeSetting { get; set; } = "AllClientLists";
    public bool ConfirmedOptIn { get; set; }
    public string ConfirmationSuccessPage { get; set; } = "";
    public bool AddUnsubscribesToSuppList { get; set; }
    public bool ScrubActiveWithSuppList { get; set; }

    public List<CustomField> Fields { get; } = new();
    public Dictionary<string, Subscriber> Subscribers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Moves on with every change, so cached sorted views know when they are stale.</summary>
    public long Version { get; set; }

    /// <summary>Sorted views for paging, valid for <see cref="Version"/> only.</summary>
    public Dictionary<string, (long Version, Subscriber[] Rows)> Views { get; } = new();

    private readonly Dictionary<string, CustomField?> _fieldLookup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    /// <summary>One copy of a value many subscribers hold (a date, a number): the list keeps the first it was given.</summary>
    public string Shared(string value)
    {
        if (value.Length > 32)
            return value;
        lock (_shared)
        {
            if (_shared.TryGetValue(value, out var known))
                return known;
            if (_shared.Count < 1_000_000)
                _shared[value] = value;
            return value;
        }
    }
    private int _fieldLookupBuiltFor = -1;

    /// <summary>A field by key or name, with or without brackets, case and spaces ignored (as the API matches them).</summary>
    public CustomField? FindField(string? keyOrName)
    {
        if (string.IsNullOrWhiteSpace(keyOrName))
            return null;
        // Imports send the same few keys on every row: remember each spelling seen (fields are only ever added).
        if (_fieldLookupBuiltFor != Fields.Count)
        {
            _fieldLookup.Clear();
            _fieldLookupBuiltFor = Fields.Count;
        }
        if (_fieldLookup.TryGetValue(keyOrName, out var known))
            return known;
        var wanted = Keys.Normalize(keyOrName);
        var found = Fields.FirstOrDefault(f => Keys.Normalize(f.Key) == wanted || Keys.Normalize(f.Name) == wanted);
        if (_fieldLookup.Count < 10_000)
            _fieldLookup[keyOrName] = found;
        return found;
    }
}
