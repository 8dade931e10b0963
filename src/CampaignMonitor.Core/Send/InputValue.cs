using System.Collections;
using System.Globalization;

namespace CampaignMonitor.Core.Send;

/// <summary>What a raw input value is: nothing, one scalar, several values, or a whole object (which no field takes).</summary>
internal static class InputValue
{
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        DBNull => true,
        string s => string.IsNullOrWhiteSpace(s),
        _ => false,
    };

    public static bool IsScalar(object? value) => value is null or DBNull or string or char or bool or byte or sbyte or short or ushort
        or int or uint or long or ulong or float or double or decimal or DateTime or DateTimeOffset or Guid or Enum or System.Numerics.BigInteger;

    /// <summary>A list of values (an array, not a string or dictionary).</summary>
    public static bool IsList(object? value) => value is IEnumerable and not string and not IDictionary;

    /// <summary>A scalar as text, written the invariant way (so 3.5 is "3.5" whatever the culture; strings as they are).</summary>
    public static string Text(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Describes a value that is not one scalar, for a reject reason.</summary>
    public static string Describe(object? value) => value switch
    {
        IDictionary d => $"an object with {d.Count} entries",
        IEnumerable e when IsList(value) => $"a list of {e.Cast<object>().Count()} values",
        _ => $"an object of type {value?.GetType().Name}",
    };
}
