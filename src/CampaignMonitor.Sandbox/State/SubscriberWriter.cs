using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignMonitor.Sandbox.State;

/// <summary>
/// The API's rules for putting subscribers in a list: upsert by email (case-insensitive); addresses that are
/// unsubscribed, deleted, bounced, unconfirmed or suppressed are refused (204-208) unless Resubscribe; custom
/// field values kept only when they fit the field (unknown keys, dates not in yyyy/MM/dd or out of range,
/// options that do not exist are silently dropped, as the real API does).
/// </summary>
internal static class SubscriberWriter
{
    private static readonly Regex EmailShape = new(@"^[^@\s""(),:;<>\[\\\]]+@[^@\s""(),:;<>\[\\\]]+\.[^@\s""(),:;<>\[\\\]]{2,}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly DateTime FirstDate = new(1900, 1, 1);
    private static readonly DateTime LastDate = new(2076, 6, 6);

    public static bool IsValidEmail(string email) =>
        email.Length <= 254 && EmailShape.IsMatch(email) && !email.Contains("..", StringComparison.Ordinal);

    /// <summary>The per-row refusal for an address in this state, or null when it may be (re)added.</summary>
    public static RowFailure? Refusal(Subscriber? existing, bool suppressed, string email, bool resubscribe)
    {
        if (resubscribe)
            return null;
        return existing?.State switch
        {
            SubscriberStatus.Unsubscribed => new RowFailure(email, 206, "Subscriber is unsubscribed and cannot be added"),
            SubscriberStatus.Deleted => new RowFailure(email, 205, "Subscriber is deleted and cannot be added"),
            SubscriberStatus.Bounced => new RowFailure(email, 207, "Subscriber has bounced and cannot be added"),
            SubscriberStatus.Unconfirmed => new RowFailure(email, 208, "Subscriber is unconfirmed and cannot be added"),
            _ when suppressed => new RowFailure(email, 204, "Subscriber is in the suppression list and cannot be added"),
            _ => null,
        };
    }

    /// <summary>Adds or updates one subscriber (the caller holds the list's lock and has checked <see cref="Refusal"/>). True when new.</summary>
    public static bool Upsert(MailingList list, IncomingSubscriber row, SubscriberStatus stateIfNew, DateTime now)
    {
        var isNew = !list.Subscribers.TryGetValue(row.EmailAddress, out var subscriber);
        if (subscriber is null)
        {
            subscriber = new Subscriber { EmailAddress = row.EmailAddress, State = stateIfNew, StateDate = now, ListJoinedDate = now };
            list.Subscribers[row.EmailAddress] = subscriber;
        }
        else if (subscriber.State != SubscriberStatus.Active)
        {
            // Only reached with Resubscribe: the address becomes active again.
            subscriber.State = SubscriberStatus.Active;
            subscriber.StateDate = now;
        }
        if (row.HasName)
            subscriber.Name = row.Name;
        if (row.HasMobile)
            subscriber.MobileNumber = string.IsNullOrEmpty(row.MobileNumber) ? null : row.MobileNumber;
        if (!string.Equals(row.ConsentToTrack, "Unchanged", StringComparison.OrdinalIgnoreCase))
            subscriber.ConsentToTrack = Capitalize(row.ConsentToTrack);
        if (row.ConsentToSendSms is { } sms && !string.Equals(sms, "Unchanged", StringComparison.OrdinalIgnoreCase))
            subscriber.ConsentToSendSms = Capitalize(sms);
        ApplyFields(list, subscriber, row.CustomFields);
        list.Version++;
        return isNew;
    }

    private static string Capitalize(string value) => IsOneOf(value, "yes") ? "Yes" : "No";

    private static bool IsOneOf(string value, params ReadOnlySpan<string> choices)
    {
        var trimmed = value.AsSpan().Trim();
        foreach (var choice in choices)
        {
            if (trimmed.Equals(choice, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A property's name in lower case. The names as clients write them are matched on the UTF-8 bytes (no string
    /// made for each of a thousand rows); any other casing is accepted too, as the API does.
    /// </summary>
    private static string NameOf(JsonProperty property)
    {
        foreach (var (utf8, lower) in KnownNames)
        {
            if (property.NameEquals(utf8))
                return lower;
        }
        return property.Name.ToLowerInvariant();
    }

    private static readonly (byte[] Utf8, string Lower)[] KnownNames = new[]
    {
        "EmailAddress", "Name", "MobileNumber", "ConsentToTrack", "ConsentToSendSms", "CustomFields", "Key", "Value", "Clear",
    }.Select(name => (System.Text.Encoding.UTF8.GetBytes(name), name.ToLowerInvariant())).ToArray();

    private static void ApplyFields(MailingList list, Subscriber subscriber, IReadOnlyList<IncomingFieldValue> values)
    {
        // MultiSelectMany: the options given in one row replace the field's set; Clear removes one (or all).
        Dictionary<CustomField, List<string>>? manySets = null;
        foreach (var value in values)
        {
            var field = list.FindField(value.Key);
            if (field is null)
                continue; // unknown keys are dropped silently, as the real API does
            var text = value.Value ?? "";
            if (value.Clear || (field.DataType == "Date" && text == "0000-00-00"))
            {
                if (field.DataType == "MultiSelectMany" && text.Length > 0 && subscriber.Values.Has(field))
                    subscriber.Values.Set(field, subscriber.Values.Get(field).Where(v => !string.Equals(v, text, StringComparison.OrdinalIgnoreCase)).ToList());
                else
                    subscriber.Values.Remove(field);
                continue;
            }
            if (text.Length == 0 || text.Length > 250)
                continue;
            var stored = Accept(field, text, list);
            if (stored is null)
                continue;
            if (field.DataType == "MultiSelectMany")
            {
                manySets ??= new();
                if (!manySets.TryGetValue(field, out var set))
                    manySets[field] = set = new List<string>();
                if (!set.Contains(stored))
                    set.Add(stored);
            }
            else
            {
                subscriber.Values.Set(field, new[] { stored });
            }
        }
        if (manySets is not null)
        {
            foreach (var (field, set) in manySets)
                subscriber.Values.Set(field, set);
        }
    }

    /// <summary>The value as stored, or null when the field's type does not accept it.</summary>
    /// <remarks>Numbers and dates repeat across subscribers: the list keeps one copy of each (<see cref="MailingList.Shared"/>).</remarks>
    private static string? Accept(CustomField field, string text, MailingList list) => field.DataType switch
    {
        "Number" => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? list.Shared(text.Trim()) : null,
        "Date" => DateTime.TryParseExact(text.Trim(), "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                  && date >= FirstDate && date <= LastDate
            ? list.Shared(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : null,
        "MultiSelectOne" or "MultiSelectMany" => field.MatchOption(text),
        _ => text,
    };

    /// <summary>Reads one subscriber object of a request (one pass over its properties). Returns an error text naming the bad part, or null.</summary>
    public static string? Read(JsonElement element, out IncomingSubscriber? row, out string? consentProblem)
    {
        row = null;
        consentProblem = null;
        if (element.ValueKind != JsonValueKind.Object)
            return "subscriber";
        string email = "", consent = "";
        string? name = null, mobile = null, sms = null;
        bool hasName = false, hasMobile = false, hasConsent = false;
        var fields = new List<IncomingFieldValue>();
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (NameOf(property))
            {
                case "emailaddress":
                    email = Endpoints.RequestJson.Text(value)?.Trim() ?? "";
                    break;
                case "name":
                    hasName = true;
                    name = Endpoints.RequestJson.Text(value);
                    break;
                case "mobilenumber":
                    hasMobile = value.ValueKind != JsonValueKind.Null;
                    mobile = Endpoints.RequestJson.Text(value);
                    break;
                case "consenttotrack":
                    hasConsent = value.ValueKind != JsonValueKind.Null;
                    consent = Endpoints.RequestJson.Text(value) ?? "";
                    break;
                case "consenttosendsms":
                    sms = Endpoints.RequestJson.Text(value);
                    break;
                case "customfields" when value.ValueKind == JsonValueKind.Null:
                    break;
                case "customfields":
                    if (value.ValueKind != JsonValueKind.Array)
                        return "CustomFields";
                    foreach (var item in value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.Object)
                            return "CustomFields";
                        string key = "";
                        string? text = null;
                        var clear = false;
                        foreach (var part in item.EnumerateObject())
                        {
                            switch (NameOf(part))
                            {
                                case "key": key = Endpoints.RequestJson.Text(part.Value) ?? ""; break;
                                case "value": text = Endpoints.RequestJson.Text(part.Value); break;
                                case "clear":
                                    if (part.Value.ValueKind is JsonValueKind.True) clear = true;
                                    else if (part.Value.ValueKind is JsonValueKind.False or JsonValueKind.Null) clear = false;
                                    else if (part.Value.ValueKind == JsonValueKind.String && bool.TryParse(part.Value.GetString(), out var parsed)) clear = parsed;
                                    else return "Clear";
                                    break;
                            }
                        }
                        fields.Add(new IncomingFieldValue(key, text, clear));
                    }
                    break;
            }
        }
        if (!hasConsent)
            consentProblem = "missing";
        else if (!IsOneOf(consent, "yes", "no", "unchanged"))
            consentProblem = "invalid";
        row = new IncomingSubscriber(email, name, hasName, mobile, hasMobile, consent, sms, fields);
        return null;
    }
}
