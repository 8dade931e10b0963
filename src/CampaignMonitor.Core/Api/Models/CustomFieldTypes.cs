namespace CampaignMonitor.Core.Api.Models;

/// <summary>The data types a custom field can have (the API's own spelling).</summary>
internal static class CustomFieldTypes
{
    public const string Text = "Text";
    public const string Number = "Number";
    public const string Date = "Date";
    public const string MultiSelectOne = "MultiSelectOne";
    public const string MultiSelectMany = "MultiSelectMany";
    public const string Country = "Country";
    public const string USState = "USState";

    public static IReadOnlyList<string> All { get; } = new[] { Text, Number, Date, MultiSelectOne, MultiSelectMany, Country, USState };

    public static bool IsMultiSelect(string? type) =>
        string.Equals(type, MultiSelectOne, StringComparison.OrdinalIgnoreCase) || string.Equals(type, MultiSelectMany, StringComparison.OrdinalIgnoreCase);

    /// <summary>The API's spelling of a type name given in any case, or null when it is not a type.</summary>
    public static string? Normalize(string? type) =>
        All.FirstOrDefault(t => string.Equals(t, type?.Trim(), StringComparison.OrdinalIgnoreCase));
}
