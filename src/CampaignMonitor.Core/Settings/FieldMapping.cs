namespace CampaignMonitor.Core.Settings;

/// <summary>One input column and where it goes.</summary>
internal sealed class FieldMapping
{
    /// <summary>The input column (property) name.</summary>
    public string Source { get; set; } = "";
    /// <summary>A standard field (EmailAddress, Name, MobileNumber, ConsentToTrack, ConsentToSendSms) or a custom field's name.</summary>
    public string Field { get; set; } = "";
    /// <summary>For a custom field: its type when given explicitly; null means "the existing field's type, or Text".</summary>
    public string? Type { get; set; }
    public List<string>? Options { get; set; }
    /// <summary>MultiSelectMany from a string: what separates the values.</summary>
    public string? Separator { get; set; }
    /// <summary>An empty value clears the field instead of leaving it unchanged.</summary>
    public bool ClearWhenEmpty { get; set; }
    /// <summary>A .NET date format for non-ISO dates.</summary>
    public string? Format { get; set; }
    /// <summary>The culture (e.g. de-DE) a Number or Date value is read in: "1.234,50", "06.05.2024".</summary>
    public string? Culture { get; set; }

    public bool IsStandard => StandardFields.IsStandard(Field);
}
