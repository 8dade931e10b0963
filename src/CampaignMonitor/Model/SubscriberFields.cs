using System.Globalization;

namespace CampaignMonitor;

/// <summary>
/// A subscriber's custom fields by name (case ignored). As text — in Export-Csv, or a table — it reads
/// "Points=13; Likes=Tea,Jazz", never a .NET type name.
/// </summary>
public sealed class SubscriberFields : Dictionary<string, object?>
{
    internal SubscriberFields(IDictionary<string, object?> values)
        : base(values, StringComparer.OrdinalIgnoreCase)
    {
    }

    public override string ToString() => string.Join("; ", this.Select(field => $"{field.Key}={Text(field.Value)}"));

    private static string Text(object? value) => value switch
    {
        null => "",
        string[] many => string.Join(",", many),
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
