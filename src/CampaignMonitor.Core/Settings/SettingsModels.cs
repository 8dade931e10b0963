namespace CampaignMonitor.Core.Settings;

/// <summary>What is stored of a credential besides its key (which lives in its own protected file).</summary>
public sealed class CredentialRecord
{
    public int SchemaVersion { get; set; } = 1;
    public string Name { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string BaseUri { get; set; } = Api.CampaignMonitorClientOptions.DefaultBaseUri;
    public DateTime Created { get; set; }
    public DateTime Modified { get; set; }
}

/// <summary>Where subscribers go: a master list (by name) under a credential, and how that list is set up.</summary>
public sealed class DestinationRecord
{
    public int SchemaVersion { get; set; } = 1;
    public string Name { get; set; } = "";
    public string Credential { get; set; } = "";
    public string ListName { get; set; } = "";
    public string? Description { get; set; }
    public string UnsubscribeSetting { get; set; } = Api.Models.UnsubscribeSettings.AllClientLists;
    public string? UnsubscribeUrl { get; set; }
    public string? ConfirmationUrl { get; set; }
    public bool ConfirmedOptIn { get; set; }
    public bool AllowBusinessUsers { get; set; }
    public bool AllowRestrictedPii { get; set; }
    public DateTime Created { get; set; }
    public DateTime Modified { get; set; }
}

/// <summary>How input columns map to Campaign Monitor fields, for one destination.</summary>
public sealed class DataTemplateRecord
{
    public int SchemaVersion { get; set; } = 1;
    public string Name { get; set; } = "";
    public string Destination { get; set; } = "";
    public List<FieldMapping> Mapping { get; set; } = new();
    /// <summary>The ConsentToTrack sent for rows without their own: Yes, No or Unchanged.</summary>
    public string ConsentToTrack { get; set; } = Api.Models.ConsentValues.Unchanged;
    public string? Description { get; set; }
    public bool AllowBusinessUsers { get; set; }
    public bool AllowRestrictedPii { get; set; }
    public DateTime Created { get; set; }
    public DateTime Modified { get; set; }
}

/// <summary>One input column and where it goes.</summary>
public sealed class FieldMapping
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

    public bool IsStandard => StandardFields.IsStandard(Field);
}

public static class StandardFields
{
    public const string EmailAddress = "EmailAddress";
    public const string Name = "Name";
    public const string MobileNumber = "MobileNumber";
    public const string ConsentToTrack = "ConsentToTrack";
    public const string ConsentToSendSms = "ConsentToSendSms";

    public static IReadOnlyList<string> All { get; } = new[] { EmailAddress, Name, MobileNumber, ConsentToTrack, ConsentToSendSms };

    /// <summary>The standard field's own spelling for a name given in any case, or null.</summary>
    public static string? Normalize(string? name) => All.FirstOrDefault(f => string.Equals(f, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool IsStandard(string? name) => Normalize(name) is not null;
}
