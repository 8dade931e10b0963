using System.Collections;
using System.Text.RegularExpressions;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Settings;

/// <summary>The checks at the door: names, client IDs, URLs, unsubscribe settings and mappings, each mistake named.</summary>
internal static class SettingsValidation
{
    private static readonly Regex NamePattern = new("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant);
    private static readonly Regex ClientIdPattern = new("^[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant);

    public static string Name(string? name, string what)
    {
        var trimmed = name?.Trim() ?? "";
        if (!NamePattern.IsMatch(trimmed))
        {
            throw new SettingsException(SettingsErrorKind.Invalid,
                $"'{name}' is not a valid {what} name: use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit.", name);
        }
        return trimmed;
    }

    public static string ClientId(string? clientId)
    {
        var trimmed = clientId?.Trim() ?? "";
        if (!ClientIdPattern.IsMatch(trimmed))
        {
            throw new SettingsException(SettingsErrorKind.Invalid,
                $"'{clientId}' does not look like a Campaign Monitor client ID: that is 32 hexadecimal digits (Account settings → API keys).", clientId);
        }
        return trimmed.ToLowerInvariant();
    }

    /// <summary>An absolute http(s) URL, or null for an empty one.</summary>
    public static string? Url(string? url, string what)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new SettingsException(SettingsErrorKind.Invalid, $"The {what} '{url}' is not an absolute http or https URL.", url);
        return uri.ToString();
    }

    public static string BaseUri(string? baseUri)
    {
        try
        {
            var normalized = Api.BaseUriPolicy.Normalize(new Uri((baseUri ?? Api.CampaignMonitorClientOptions.DefaultBaseUri).Trim(), UriKind.Absolute));
            if (!normalized.AbsolutePath.EndsWith("/api/v3.3/", StringComparison.OrdinalIgnoreCase))
            {
                throw new SettingsException(SettingsErrorKind.Invalid,
                    $"The base URI '{baseUri}' does not end with /api/v3.3/: give the API's root, such as https://api.createsend.com/api/v3.3/ (a sandbox's BaseUri has it too).", baseUri);
            }
            return normalized.ToString();
        }
        catch (Exception ex) when (ex is UriFormatException or ArgumentException)
        {
            throw new SettingsException(SettingsErrorKind.Invalid, $"The base URI '{baseUri}' cannot be used: {ex.Message}", baseUri, ex);
        }
    }

    public static string UnsubscribeSetting(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
            return UnsubscribeSettings.AllClientLists;
        foreach (var allowed in new[] { UnsubscribeSettings.AllClientLists, UnsubscribeSettings.OnlyThisList })
        {
            if (string.Equals(allowed, setting.Trim(), StringComparison.OrdinalIgnoreCase))
                return allowed;
        }
        throw new SettingsException(SettingsErrorKind.Invalid, $"The unsubscribe setting '{setting}' is not AllClientLists or OnlyThisList.", setting);
    }

    public static string Consent(string? consent) =>
        ConsentValues.Normalize(consent ?? ConsentValues.Unchanged)
        ?? throw new SettingsException(SettingsErrorKind.Invalid, $"The ConsentToTrack default '{consent}' is not Yes, No or Unchanged.", consent);

    public static string ListName(string? listName)
    {
        var trimmed = listName?.Trim() ?? "";
        if (trimmed.Length is 0 or > 250)
            throw new SettingsException(SettingsErrorKind.Invalid, "The list name must be 1 to 250 characters.", listName);
        return trimmed;
    }

    private static readonly string[] MappingKeys = { "Field", "Type", "Options", "Separator", "ClearWhenEmpty", "Format", "Culture" };

    /// <summary>
    /// Reads a mapping: input column → a field name, or a table of Field, Type, Options, Separator, ClearWhenEmpty, Format, Culture.
    /// Values come as plain .NET objects (strings, dictionaries, enumerables, booleans); every mistake names its column.
    /// </summary>
    public static List<FieldMapping> Mapping(IDictionary? mapping)
    {
        if (mapping is null || mapping.Count == 0)
            throw new SettingsException(SettingsErrorKind.Invalid, "The mapping is empty: map at least one input column to a field.");
        var result = new List<FieldMapping>();
        foreach (DictionaryEntry entry in mapping)
        {
            var source = entry.Key?.ToString()?.Trim();
            if (string.IsNullOrEmpty(source))
                throw new SettingsException(SettingsErrorKind.Invalid, "The mapping has an empty column name.");
            if (result.Any(m => string.Equals(m.Source, source, StringComparison.OrdinalIgnoreCase)))
                throw new SettingsException(SettingsErrorKind.Invalid, $"The column '{source}' is mapped twice.", source);
            result.Add(OneMapping(source, entry.Value));
        }
        var emails = result.Where(m => m.Field == StandardFields.EmailAddress).Select(m => m.Source).ToList();
        if (emails.Count > 1)
            throw new SettingsException(SettingsErrorKind.Invalid, $"Only one column can be the email address; the mapping has {string.Join(", ", emails.Select(e => $"'{e}'"))}.");
        foreach (var group in result.Where(m => !m.IsStandard).GroupBy(m => m.Field, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            throw new SettingsException(SettingsErrorKind.Invalid, $"The custom field '{group.Key}' is the target of several columns: {string.Join(", ", group.Select(m => $"'{m.Source}'"))}.");
        foreach (var group in result.Where(m => m.IsStandard && m.Field != StandardFields.EmailAddress).GroupBy(m => m.Field).Where(g => g.Count() > 1))
            throw new SettingsException(SettingsErrorKind.Invalid, $"The field '{group.Key}' is the target of several columns: {string.Join(", ", group.Select(m => $"'{m.Source}'"))}.");
        return result;
    }

    private static FieldMapping OneMapping(string source, object? value)
    {
        switch (value)
        {
            case string field:
                return new FieldMapping { Source = source, Field = FieldName(source, field) };
            case IDictionary spec:
                foreach (DictionaryEntry key in spec)
                {
                    if (!MappingKeys.Contains(key.Key?.ToString(), StringComparer.OrdinalIgnoreCase))
                        throw new SettingsException(SettingsErrorKind.Invalid, $"The mapping of '{source}' has an unknown key '{key.Key}'. Known keys: {string.Join(", ", MappingKeys)}.", source);
                }
                var mapping = new FieldMapping
                {
                    Source = source,
                    Field = FieldName(source, Get(spec, "Field") as string ?? throw new SettingsException(SettingsErrorKind.Invalid, $"The mapping of '{source}' needs a Field.", source)),
                    Separator = Get(spec, "Separator")?.ToString(),
                    Format = Get(spec, "Format")?.ToString(),
                    Culture = Culture(Get(spec, "Culture")?.ToString(), $"'{source}'"),
                    ClearWhenEmpty = Get(spec, "ClearWhenEmpty") switch
                    {
                        null => false,
                        bool b => b,
                        var other => throw new SettingsException(SettingsErrorKind.Invalid, $"ClearWhenEmpty of '{source}' must be $true or $false, not '{other}'.", source),
                    },
                };
                if (Get(spec, "Type") is { } type)
                {
                    mapping.Type = CustomFieldTypes.Normalize(type.ToString())
                        ?? throw new SettingsException(SettingsErrorKind.Invalid, $"The type '{type}' of '{source}' is not one of {string.Join(", ", CustomFieldTypes.All)}.", source);
                }
                if (Get(spec, "Options") is { } options)
                {
                    if (options is string listed && listed.Contains(','))
                    {
                        var parts = listed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                        throw new SettingsException(SettingsErrorKind.Invalid,
                            $"The Options of '{source}' are one string with commas ('{listed}'): give them as an array, Options = {string.Join(", ", parts.Select(p => $"'{p}'"))}.", source);
                    }
                    mapping.Options = (options is string one ? new[] { one } : options as IEnumerable ?? new[] { options })
                        .Cast<object?>().Select(o => o?.ToString()?.Trim() ?? "").ToList();
                    if (mapping.Options.Any(o => o.Length == 0))
                        throw new SettingsException(SettingsErrorKind.Invalid, $"The options of '{source}' include an empty one.", source);
                }
                Check(mapping);
                return mapping;
            default:
                throw new SettingsException(SettingsErrorKind.Invalid,
                    $"The mapping of '{source}' must be a field name or a table like @{{ Field = 'Tier'; Type = 'MultiSelectOne'; Options = 'Gold','Silver' }}, not '{value}'.", source);
        }
    }

    private static void Check(FieldMapping mapping)
    {
        var source = mapping.Source;
        if (mapping.IsStandard && (mapping.Type is not null || mapping.Options is not null || mapping.Separator is not null))
            throw new SettingsException(SettingsErrorKind.Invalid, $"'{source}' maps to the standard field {mapping.Field}, which takes no Type, Options or Separator.", source);
        if (mapping.Options is { Count: > 0 } && !CustomFieldTypes.IsMultiSelect(mapping.Type))
            throw new SettingsException(SettingsErrorKind.Invalid, $"Options are only for the MultiSelectOne and MultiSelectMany types; '{source}' is {mapping.Type ?? "Text"}.", source);
        if (CustomFieldTypes.IsMultiSelect(mapping.Type) && mapping.Options is not { Count: > 0 })
            throw new SettingsException(SettingsErrorKind.Invalid, $"'{source}' is {mapping.Type}, which needs Options.", source);
        if (mapping.Separator is not null && mapping.Type != CustomFieldTypes.MultiSelectMany)
            throw new SettingsException(SettingsErrorKind.Invalid, $"A Separator is only for MultiSelectMany; '{source}' is {mapping.Type ?? "Text"}.", source);
        if (mapping.Separator is { Length: 0 })
            throw new SettingsException(SettingsErrorKind.Invalid, $"The Separator of '{source}' is empty.", source);
        if (mapping.Format is not null && mapping.Type != CustomFieldTypes.Date)
            throw new SettingsException(SettingsErrorKind.Invalid, $"A Format is only for Date fields; '{source}' is {mapping.Type ?? "Text"}.", source);
        if (mapping.Format is not null && !ReadsBack(mapping.Format, mapping.Culture))
        {
            throw new SettingsException(SettingsErrorKind.Invalid,
                $"The date Format '{mapping.Format}' of '{source}' cannot be used: it does not read back the date it writes (day, month and year, e.g. 'dd/MM/yyyy'; 'mm' is minutes, 'MM' months).", source);
        }
        if (mapping.Culture is not null && mapping.Type is not (null or CustomFieldTypes.Number or CustomFieldTypes.Date))
            throw new SettingsException(SettingsErrorKind.Invalid, $"A Culture is only for Number and Date fields; '{source}' is {mapping.Type}.", source);
    }

    /// <summary>A date format is usable when the date it writes reads back as the same day.</summary>
    private static bool ReadsBack(string format, string? culture)
    {
        var provider = culture is null ? System.Globalization.CultureInfo.InvariantCulture : System.Globalization.CultureInfo.GetCultureInfo(culture);
        var sample = new DateTime(2024, 11, 23);
        try
        {
            var text = sample.ToString(format, provider);
            return DateTime.TryParseExact(text, format, provider, System.Globalization.DateTimeStyles.AllowWhiteSpaces, out var back) && back.Date == sample;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A culture name .NET knows (de-DE, fr-FR, en-US, ...), in its own spelling; null stays null.</summary>
    public static string? Culture(string? culture, string what)
    {
        if (string.IsNullOrWhiteSpace(culture))
            return null;
        try
        {
            return System.Globalization.CultureInfo.GetCultureInfo(culture.Trim(), predefinedOnly: true).Name;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            throw new SettingsException(SettingsErrorKind.Invalid, $"The Culture '{culture}' of {what} is not a culture name .NET knows (e.g. de-DE, fr-FR, en-GB).", culture);
        }
    }

    private static string FieldName(string source, string field)
    {
        var trimmed = field.Trim();
        if (trimmed.Length is 0 or > 100 || trimmed.Contains('[') || trimmed.Contains(']'))
            throw new SettingsException(SettingsErrorKind.Invalid, $"'{field}' (for '{source}') is not a field name: 1 to 100 characters, no brackets.", source);
        return StandardFields.Normalize(trimmed) ?? trimmed;
    }

    private static object? Get(IDictionary spec, string key)
    {
        foreach (DictionaryEntry entry in spec)
        {
            if (string.Equals(entry.Key?.ToString(), key, StringComparison.OrdinalIgnoreCase))
                return entry.Value;
        }
        return null;
    }
}
