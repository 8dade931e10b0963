using System.Collections;
using System.Management.Automation;

namespace CampaignMonitor.Internal;

/// <summary>PowerShell values as plain .NET values for the core: PSObjects unwrapped, all the way down.</summary>
internal static class PlainObjects
{
    public static object? Unwrap(object? value) => value switch
    {
        // An object from ConvertFrom-Json: its properties, in order, as a dictionary.
        PSObject { BaseObject: PSCustomObject } custom => UnwrapProperties(custom),
        PSObject ps => Unwrap(ps.BaseObject),
        IDictionary dictionary => UnwrapDictionary(dictionary),
        string text => text,
        IEnumerable list => list.Cast<object?>().Select(Unwrap).ToArray(),
        _ => value,
    };

    /// <summary>
    /// A plain hashtable (<c>@{}</c>) has already lost the order it was typed in: its keys are taken in name order, so
    /// the same <c>@{}</c> always gives the same stored order. Ordered dictionaries keep theirs.
    /// </summary>
    public static IDictionary UnwrapDictionary(IDictionary dictionary)
    {
        var result = new System.Collections.Specialized.OrderedDictionary();
        var entries = dictionary.Cast<DictionaryEntry>();
        if (dictionary is Hashtable)
            entries = entries.OrderBy(e => e.Key?.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
            result[Unwrap(entry.Key)!] = Unwrap(entry.Value);
        return result;
    }

    private static IDictionary UnwrapProperties(PSObject item)
    {
        var result = new System.Collections.Specialized.OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var property in item.Properties)
            result[property.Name] = Unwrap(property.Value);
        return result;
    }
}
