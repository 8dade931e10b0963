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

    public static IDictionary UnwrapDictionary(IDictionary dictionary)
    {
        var result = new System.Collections.Specialized.OrderedDictionary();
        foreach (DictionaryEntry entry in dictionary)
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
