using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Models;

/// <summary>The five states a list's subscribers can be read in; each has its own endpoint.</summary>
public enum SubscriberState
{
    Active,
    Unconfirmed,
    Unsubscribed,
    Bounced,
    Deleted,
}

/// <summary>The ConsentToTrack values the API accepts on write.</summary>
public static class ConsentValues
{
    public const string Yes = "Yes";
    public const string No = "No";
    public const string Unchanged = "Unchanged";

    /// <summary>The API's spelling of yes/no/unchanged given in any case, or null.</summary>
    public static string? Normalize(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "yes" => Yes,
        "no" => No,
        "unchanged" => Unchanged,
        _ => null,
    };
}

/// <summary>A custom field value on a subscriber: one entry per value (repeat the key for MultiSelectMany).</summary>
public struct SubscriberCustomField
{
    public SubscriberCustomField()
    {
    }

    public string Key { get; set; } = "";
    public string? Value { get; set; }

    /// <summary>Only sent when true: an omitted field keeps its value.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Clear { get; set; }
}

/// <summary>A subscriber as written by add and import.</summary>
public sealed class SubscriberRecord
{
    public string EmailAddress { get; set; } = "";
    public string? Name { get; set; }
    public string? MobileNumber { get; set; }
    public List<SubscriberCustomField>? CustomFields { get; set; }
    /// <summary>Required on every add and import row since API v3.2.</summary>
    public string ConsentToTrack { get; set; } = ConsentValues.Unchanged;
    public string? ConsentToSendSms { get; set; }
}

/// <summary>Body of <c>POST subscribers/{listid}.json</c>.</summary>
public sealed class AddSubscriberRequest
{
    public string EmailAddress { get; set; } = "";
    public string? Name { get; set; }
    public string? MobileNumber { get; set; }
    public List<SubscriberCustomField>? CustomFields { get; set; }
    public bool Resubscribe { get; set; }
    public bool RestartSubscriptionBasedAutoresponders { get; set; }
    public string ConsentToTrack { get; set; } = ConsentValues.Unchanged;
    public string? ConsentToSendSms { get; set; }
}

/// <summary>Body of <c>POST subscribers/{listid}/import.json</c> (at most 1000 subscribers).</summary>
public sealed class ImportSubscribersRequest
{
    public const int MaxSubscribers = 1000;

    public IReadOnlyList<SubscriberRecord> Subscribers { get; set; } = Array.Empty<SubscriberRecord>();
    public bool Resubscribe { get; set; }
    public bool QueueSubscriptionBasedAutoResponders { get; set; }
    public bool RestartSubscriptionBasedAutoresponders { get; set; }
}

/// <summary>One row the API refused in an import.</summary>
public sealed class ImportFailure
{
    public string EmailAddress { get; set; } = "";
    public int Code { get; set; }
    public string Message { get; set; } = "";
}

/// <summary>
/// The outcome of an import: a success, or (code 210) a partial success whose refused rows are in
/// <see cref="FailureDetails"/> while the others were imported.
/// </summary>
public sealed class ImportResult
{
    /// <summary>The API's code for a partial import: an error status, but a result.</summary>
    public const int PartialImportCode = 210;

    public List<ImportFailure> FailureDetails { get; set; } = new();
    public int TotalUniqueEmailsSubmitted { get; set; }
    public int TotalExistingSubscribers { get; set; }
    public int TotalNewSubscribers { get; set; }
    public List<string> DuplicateEmailsInSubmission { get; set; } = new();

    /// <summary>True when the API answered code 210 (some rows failed, the rest were imported).</summary>
    [JsonIgnore]
    public bool IsPartial { get; set; }
}

/// <summary>A subscriber as read back from the list state endpoints and subscriber details.</summary>
public sealed class ListSubscriber
{
    public string EmailAddress { get; set; } = "";
    public string? Name { get; set; }
    /// <summary>When the subscriber's state last changed.</summary>
    public DateTime? Date { get; set; }
    /// <summary>When the subscriber first joined the list (v3.3; absent from older responses).</summary>
    public DateTime? ListJoinedDate { get; set; }
    public string? State { get; set; }
    public List<SubscriberCustomField> CustomFields { get; set; } = new();
    public string? ReadsEmailWith { get; set; }
    /// <summary>"Yes", "No", or empty when unknown; only present when asked for.</summary>
    public string? ConsentToTrack { get; set; }
    public string? ConsentToSendSms { get; set; }
    public string? MobileNumber { get; set; }
}

/// <summary>
/// An import request already checked and serialized (a few hundred kilobytes for 1000 subscribers, in a pooled
/// buffer): made while the batch waits for its turn, so sending it costs the round trip alone. Dispose it once sent.
/// </summary>
public sealed class PreparedImport : IDisposable
{
    private readonly Json.PooledJsonBody _body;

    internal PreparedImport(Json.PooledJsonBody body) => _body = body;

    internal ReadOnlyMemory<byte> Body => _body.Memory;

    public void Dispose() => _body.Dispose();
}
