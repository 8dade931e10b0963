namespace CampaignMonitor.Sandbox.State;

/// <summary>The five states a subscriber of a list can be in.</summary>
internal enum SubscriberStatus
{
    Active,
    Unconfirmed,
    Unsubscribed,
    Bounced,
    Deleted,
}

internal sealed class CustomField
{
    public required string Name { get; init; }
    public required string Key { get; init; }
    public required string DataType { get; init; }
    public List<string> Options { get; } = new();
    public bool VisibleInPreferenceCenter { get; init; }

    /// <summary>The option as the field spells it, matched case-insensitively; null when not an option.</summary>
    public string? MatchOption(string value) =>
        Options.FirstOrDefault(o => string.Equals(o, value.Trim(), StringComparison.OrdinalIgnoreCase));
}

internal sealed class Subscriber
{
    public required string EmailAddress { get; set; }
    public string? Name { get; set; }
    public string? MobileNumber { get; set; }
    public SubscriberStatus State { get; set; }
    /// <summary>When the state last changed.</summary>
    public DateTime StateDate { get; set; }
    public DateTime ListJoinedDate { get; set; }
    /// <summary>"Yes", "No", or "" when never given.</summary>
    public string ConsentToTrack { get; set; } = "";
    public string ConsentToSendSms { get; set; } = "";
    public string ReadsEmailWith { get; set; } = "";
    /// <summary>Values by field (MultiSelectMany has several), in the order they were set.</summary>
    public Dictionary<CustomField, List<string>> Values { get; } = new();
}

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

internal static class Keys
{
    /// <summary>"[Loyalty Tier]", "loyalty tier" and "LoyaltyTier" are one key.</summary>
    public static string Normalize(string keyOrName) =>
        keyOrName.Trim().TrimStart('[').TrimEnd(']').Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The key the API makes for a new field: the name without spaces, in brackets.</summary>
    public static string ForName(string name) => "[" + name.Trim().Replace(" ", "", StringComparison.Ordinal) + "]";
}

internal sealed class ActivityRow
{
    public required string EmailAddress { get; init; }
    public required string ListID { get; init; }
    public DateTime? Date { get; init; }
    public string? IPAddress { get; init; }
    public string? URL { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? CountryCode { get; init; }
    public string? CountryName { get; init; }
    public string? BounceType { get; init; }
    public string? Reason { get; init; }
}

internal sealed class Campaign
{
    public required string CampaignID { get; init; }
    public required string Name { get; init; }
    public required string Subject { get; init; }
    public string FromName { get; init; } = "Sandbox Sender";
    public string FromEmail { get; init; } = "sender@example.com";
    public string ReplyTo { get; init; } = "sender@example.com";
    public DateTime SentDate { get; init; }
    public List<string> Tags { get; init; } = new();
    public string WebVersionURL => $"https://sandbox.createsend.invalid/t/r-{CampaignID}";
    public string WebVersionTextURL => WebVersionURL + "/t";

    /// <summary>Rows of each report, keyed by the report's path segment (recipients, opens, clicks, ...).</summary>
    public Dictionary<string, List<ActivityRow>> Activity { get; } = new()
    {
        ["recipients"] = new(), ["opens"] = new(), ["clicks"] = new(),
        ["bounces"] = new(), ["unsubscribes"] = new(), ["spam"] = new(),
    };
}
