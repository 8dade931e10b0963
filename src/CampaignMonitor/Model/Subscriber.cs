using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Privacy;

namespace CampaignMonitor;

/// <summary>A subscriber of a list, as read back (Get-CMSubscriber).</summary>
public sealed class Subscriber
{
    internal Subscriber(ListSubscriber s, string listId, string credential, IReadOnlyList<CustomFieldDefinition> fields, PiiMasker masker)
    {
        EmailAddress = masker.Email(s.EmailAddress);
        Name = masker.Name(s.Name);
        State = s.State;
        Date = s.Date;
        ListJoinedDate = s.ListJoinedDate;
        ConsentToTrack = string.IsNullOrEmpty(s.ConsentToTrack) ? null : s.ConsentToTrack;
        ConsentToSendSms = string.IsNullOrEmpty(s.ConsentToSendSms) ? null : s.ConsentToSendSms;
        MobileNumber = masker.Phone(s.MobileNumber);
        ReadsEmailWith = string.IsNullOrEmpty(s.ReadsEmailWith) ? null : s.ReadsEmailWith;
        CustomFields = new SubscriberFields(Core.Readers.CustomFieldValues.ByName(s.CustomFields, fields));
        ListId = listId;
        Credential = credential;
    }

    public string EmailAddress { get; }
    public string? Name { get; }
    public string? State { get; }
    /// <summary>When the subscriber's state last changed.</summary>
    public DateTime? Date { get; }
    /// <summary>When the subscriber first joined the list.</summary>
    public DateTime? ListJoinedDate { get; }
    /// <summary>Yes, No, or null when unknown.</summary>
    public string? ConsentToTrack { get; }
    public string? ConsentToSendSms { get; }
    public string? MobileNumber { get; }
    public string? ReadsEmailWith { get; }
    /// <summary>Values by field name, typed by the field (Number: decimal, Date: DateTime, MultiSelectMany: string[]).</summary>
    public SubscriberFields CustomFields { get; }
    public string ListId { get; }
    public string Credential { get; }

    public override string ToString() => EmailAddress;

    /// <summary>
    /// The subscriber with each custom field as a property of its own, named after the field (CF_ before a name
    /// that is already a property), so Export-Csv writes one column per field; a multi-select value as one cell.
    /// </summary>
    internal System.Management.Automation.PSObject WithFieldsExpanded()
    {
        var expanded = new System.Management.Automation.PSObject(this);
        var taken = new HashSet<string>(typeof(Subscriber).GetProperties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in CustomFields)
        {
            var property = taken.Contains(name) ? "CF_" + name : name;
            taken.Add(property);
            expanded.Properties.Add(new System.Management.Automation.PSNoteProperty(property, value is string[] many ? string.Join(";", many) : value));
        }
        return expanded;
    }
}
