namespace CampaignMonitor.Core.Api.Models;

/// <summary>The data types a custom field can have (the API's own spelling).</summary>
public static class CustomFieldTypes
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

/// <summary>One entry of <c>GET lists/{listid}/customfields.json</c>.</summary>
public sealed class CustomFieldDefinition
{
    public string FieldName { get; set; } = "";
    /// <summary>The bracketed key, e.g. <c>[subscriptiondate]</c>. Always use the key the API returned.</summary>
    public string Key { get; set; } = "";
    public string DataType { get; set; } = CustomFieldTypes.Text;
    public List<string> FieldOptions { get; set; } = new();
    public bool VisibleInPreferenceCenter { get; set; }
}

/// <summary>Body of <c>POST lists/{listid}/customfields.json</c> (note: <c>Options</c> here, <c>FieldOptions</c> on read).</summary>
public sealed class CreateCustomFieldRequest
{
    public string FieldName { get; set; } = "";
    public string DataType { get; set; } = CustomFieldTypes.Text;
    public List<string>? Options { get; set; }
    public bool VisibleInPreferenceCenter { get; set; } = true;
}

/// <summary>Body of <c>PUT lists/{listid}/customfields/{key}/options.json</c>.</summary>
public sealed class UpdateCustomFieldOptionsRequest
{
    public List<string> Options { get; set; } = new();
    public bool KeepExistingOptions { get; set; } = true;
}
