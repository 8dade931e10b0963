using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Send.Incremental;

/// <summary>
/// The fingerprints -Incremental compares: of the values a row sends (custom fields by field name, not by the API's
/// key, which the first send may create; order-free), and of what a state is valid for (destination, template,
/// list, mapping).
/// </summary>
internal sealed class SentValues
{
    private readonly Dictionary<string, string> _fieldNameOfKey;

    public SentValues(RowPlan plan)
    {
        _fieldNameOfKey = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in plan.Targets)
        {
            if (target.Rule is { } rule)
                _fieldNameOfKey[rule.Key] = rule.FieldName.ToLowerInvariant();
        }
    }

    /// <summary>The fingerprint of what the record sends: name, mobile number, consents and custom fields.</summary>
    public ulong Of(SubscriberRecord record)
    {
        var hash = new Fnv1a();
        Add(ref hash, record.Name);
        Add(ref hash, record.MobileNumber);
        Add(ref hash, record.ConsentToTrack);
        Add(ref hash, record.ConsentToSendSms);
        if (record.CustomFields is { Count: > 0 } fields)
        {
            // Field order, and the order of a MultiSelectMany's values, do not change what Campaign Monitor holds.
            var entries = new string[fields.Count];
            for (var i = 0; i < fields.Count; i++)
            {
                var name = _fieldNameOfKey.TryGetValue(fields[i].Key, out var known) ? known : fields[i].Key.ToLowerInvariant();
                entries[i] = name + "\u001f" + (fields[i].Clear ? "\u0018" : fields[i].Value);
            }
            Array.Sort(entries, StringComparer.Ordinal);
            foreach (var entry in entries)
                Add(ref hash, entry);
        }
        return hash.Value;
    }

    /// <summary>What a state is valid for: a different account (API and client), destination, template, list or mapping makes it start afresh.</summary>
    public static ulong Context(SendContext context, string listId, RowPlan plan)
    {
        var hash = new Fnv1a();
        Add(ref hash, context.Credential.BaseUri.AbsoluteUri);
        Add(ref hash, context.Credential.ClientId.ToLowerInvariant());
        Add(ref hash, context.Destination.Name.ToLowerInvariant());
        Add(ref hash, context.Template?.Name.ToLowerInvariant());
        Add(ref hash, listId);
        Add(ref hash, plan.DefaultConsent);
        foreach (var target in plan.Targets.OrderBy(t => t.Source, StringComparer.OrdinalIgnoreCase))
        {
            Add(ref hash, target.Source.ToLowerInvariant());
            Add(ref hash, target.Kind.ToString());
            if (target.Rule is { } rule)
            {
                Add(ref hash, rule.FieldName.ToLowerInvariant());
                Add(ref hash, rule.Type);
                Add(ref hash, rule.Separator);
                Add(ref hash, rule.Format);
                Add(ref hash, rule.ClearWhenEmpty ? "clear" : "keep");
                Add(ref hash, rule.Culture?.Name);
            }
        }
        return hash.Value;
    }

    private static void Add(ref Fnv1a hash, string? text)
    {
        if (text is null)
        {
            hash.Add('\u0000');
            return;
        }
        hash.Add(text);
        hash.Add('\u001e');
    }
}
