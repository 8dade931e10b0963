using System.Collections;
using System.Collections.Specialized;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor;

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
        Culture = record.Culture;
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
    /// <summary>The culture Number and Date fields without a Format or Culture of their own are read in (null: invariant).</summary>
    public string? Culture { get; }
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
            if (m.Type is null && m.Options is null && m.Separator is null && m.Format is null && m.Culture is null && !m.ClearWhenEmpty)
            {
                result[m.Source] = m.Field;
                continue;
            }
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["Field"] = m.Field };
            if (m.Type is not null) table["Type"] = m.Type;
            if (m.Options is not null) table["Options"] = m.Options.ToArray();
            if (m.Separator is not null) table["Separator"] = m.Separator;
            if (m.Format is not null) table["Format"] = m.Format;
            if (m.Culture is not null) table["Culture"] = m.Culture;
            if (m.ClearWhenEmpty) table["ClearWhenEmpty"] = true;
            result[m.Source] = table;
        }
        return result;
    }
}
