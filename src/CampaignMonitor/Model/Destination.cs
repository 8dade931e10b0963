using System.Collections.Specialized;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor;

/// <summary>A destination: the master list (by name) that sends go to, under a credential, and how it is set up.</summary>
public sealed class Destination
{
    internal Destination(DestinationRecord record)
    {
        Name = record.Name;
        Credential = record.Credential;
        ListName = record.ListName;
        Description = record.Description;
        UnsubscribeSetting = record.UnsubscribeSetting;
        UnsubscribeUrl = record.UnsubscribeUrl;
        ConfirmationUrl = record.ConfirmationUrl;
        ConfirmedOptIn = record.ConfirmedOptIn;
        AllowBusinessUsers = record.AllowBusinessUsers;
        AllowRestrictedPii = record.AllowRestrictedPii;
        Created = record.Created;
        Modified = record.Modified;
    }

    public string Name { get; }
    public string Credential { get; }
    public string ListName { get; }
    public string? Description { get; }
    public string UnsubscribeSetting { get; }
    public string? UnsubscribeUrl { get; }
    public string? ConfirmationUrl { get; }
    public bool ConfirmedOptIn { get; }
    public bool AllowBusinessUsers { get; }
    public bool AllowRestrictedPii { get; }
    public DateTime Created { get; }
    public DateTime Modified { get; }

    public override string ToString() => Name;
}
