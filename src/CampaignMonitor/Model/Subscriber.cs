using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Privacy;

namespace CampaignMonitor;

/// <summary>A subscriber of a list, as read back (Get-CMSubscriber).</summary>
public sealed class Subscriber
{
    internal Subscriber(ListSubscriber s, string listId, string credential, IReadOnlyCollection<string> multiSelectMany, PiiMasker masker)
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
        CustomFields = Core.Readers.CustomFieldValues.ByName(s.CustomFields, multiSelectMany);
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
    /// <summary>Values by field name; multi-select values as arrays.</summary>
    public Dictionary<string, object?> CustomFields { get; }
    public string ListId { get; }
    public string Credential { get; }

    public override string ToString() => EmailAddress;
}
