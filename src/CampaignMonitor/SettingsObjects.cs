using System.Collections;
using System.Collections.Specialized;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor;

/// <summary>A credential as PowerShell shows it: never the API key, at most its last four characters.</summary>
public sealed class Credential
{
    internal Credential(CredentialInfo info)
    {
        Name = info.Record.Name;
        ClientId = info.Record.ClientId;
        BaseUri = info.Record.BaseUri;
        ApiKeyHint = info.ApiKeyHint;
        Source = info.Source.ToString();
        Created = info.Source == CredentialSource.Environment ? null : info.Record.Created;
        Modified = info.Source == CredentialSource.Environment ? null : info.Record.Modified;
    }

    public string Name { get; }
    public string ClientId { get; }
    public string BaseUri { get; }
    /// <summary>"****" and the key's last four characters.</summary>
    public string ApiKeyHint { get; }
    /// <summary>Store (on disk, protected), Session (memory only) or Environment (CM_API_KEY and CM_CLIENT_ID).</summary>
    public string Source { get; }
    public DateTime? Created { get; }
    public DateTime? Modified { get; }

    public override string ToString() => Name;
}

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

/// <summary>A data template: how input columns map to Campaign Monitor fields for a destination.</summary>
public sealed class DataTemplate
{
    internal DataTemplate(DataTemplateRecord record)
    {
        Name = record.Name;
        Destination = record.Destination;
        Mapping = ToMapping(record.Mapping);
        ConsentToTrack = record.ConsentToTrack;
        Description = record.Description;
        AllowBusinessUsers = record.AllowBusinessUsers;
        AllowRestrictedPii = record.AllowRestrictedPii;
        Created = record.Created;
        Modified = record.Modified;
    }

    public string Name { get; }
    public string Destination { get; }
    /// <summary>Input column → field name, or a table of Field, Type, Options, ...: the form -Mapping takes, so it round-trips.</summary>
    public OrderedDictionary Mapping { get; }
    public string ConsentToTrack { get; }
    public string? Description { get; }
    public bool AllowBusinessUsers { get; }
    public bool AllowRestrictedPii { get; }
    public DateTime Created { get; }
    public DateTime Modified { get; }

    public override string ToString() => Name;

    private static OrderedDictionary ToMapping(IEnumerable<FieldMapping> mappings)
    {
        var result = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var m in mappings)
        {
            if (m.Type is null && m.Options is null && m.Separator is null && m.Format is null && !m.ClearWhenEmpty)
            {
                result[m.Source] = m.Field;
                continue;
            }
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["Field"] = m.Field };
            if (m.Type is not null) table["Type"] = m.Type;
            if (m.Options is not null) table["Options"] = m.Options.ToArray();
            if (m.Separator is not null) table["Separator"] = m.Separator;
            if (m.Format is not null) table["Format"] = m.Format;
            if (m.ClearWhenEmpty) table["ClearWhenEmpty"] = true;
            result[m.Source] = table;
        }
        return result;
    }
}
