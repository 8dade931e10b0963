using System.Collections;
using System.Globalization;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// How values for one custom field are checked and written: numbers parsed the invariant way, dates from ISO forms
/// (or the mapping's Format) to yyyy/MM/dd within 1900-01-01..2076-06-06, multi-select values matched to the
/// field's options, nothing over 250 characters. Strings are never retyped: "02134" stays "02134" in a Text field.
/// </summary>
/// <param name="Key">The key the API gave the field, e.g. "[LoyaltyTier]".</param>
/// <param name="Culture">The culture Number and Date values are read in ("1.234,50"); null: the invariant one, strictly.</param>
internal sealed record FieldRule(string FieldName, string Key, string Type, IReadOnlyList<string> Options, string? Separator, string? Format, bool ClearWhenEmpty,
    CultureInfo? Culture = null)
{
    public const int MaxLength = 250;
    private static readonly DateTime FirstDate = new(1900, 1, 1);
    private static readonly DateTime LastDate = new(2076, 6, 6);
    private static readonly string[] IsoDates = { "yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm" };
    private static readonly string[] IsoDatesWithOffset = { "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mmK" };

    /// <summary>
    /// Adds the API's entries for this value to <paramref name="into"/> (none for an empty value unless ClearWhenEmpty),
    /// or returns the problem. Several entries for MultiSelectMany.
    /// </summary>
    public Refusal? Write(object? value, List<SubscriberCustomField> into)
    {
        if (InputValue.IsEmpty(value) || (InputValue.IsList(value) && !((IEnumerable)value!).Cast<object?>().Any(v => !InputValue.IsEmpty(v))))
        {
            if (ClearWhenEmpty)
                into.Add(new SubscriberCustomField { Key = Key, Value = "", Clear = true });
            return null;
        }
        if (Type == CustomFieldTypes.MultiSelectMany)
            return WriteMany(value, into);
        if (InputValue.IsList(value) || !InputValue.IsScalar(value))
            return new Refusal("NotAValue", $"holds {InputValue.Describe(value)}, but the {Type} field '{FieldName}' takes one value");
        var (text, problem) = Convert(value!);
        if (problem is not null)
            return problem;
        into.Add(new SubscriberCustomField { Key = Key, Value = text });
        return null;
    }

    private Refusal? WriteMany(object? value, List<SubscriberCustomField> into)
    {
        if (value is string one && Separator is not null && !one.Contains(Separator, StringComparison.Ordinal))
        {
            // One option, the common case: what splitting it would give, without the split.
            var only = one.Trim();
            if (MatchOption(only) is not { } option)
                return NotAnOption(only);
            into.Add(new SubscriberCustomField { Key = Key, Value = option });
            return null;
        }
        IEnumerable<object?> items = value switch
        {
            string s when Separator is not null => s.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ when InputValue.IsList(value) => ((IEnumerable)value!).Cast<object?>(),
            _ => new[] { value },
        };
        var chosen = new List<string>();
        foreach (var item in items)
        {
            if (InputValue.IsEmpty(item))
                continue;
            if (!InputValue.IsScalar(item))
                return new Refusal("NotAValue", $"holds {InputValue.Describe(item)} among its values");
            var option = MatchOption(InputValue.Text(item).Trim());
            if (option is null)
                return NotAnOption(InputValue.Text(item));
            if (!chosen.Contains(option))
                chosen.Add(option);
        }
        foreach (var option in chosen)
            into.Add(new SubscriberCustomField { Key = Key, Value = option });
        return null;
    }

    private (string Text, Refusal? Problem) Convert(object value)
    {
        switch (Type)
        {
            case CustomFieldTypes.Number:
                return Number(value);
            case CustomFieldTypes.Date:
                return Date(value);
            case CustomFieldTypes.MultiSelectOne:
                var text = InputValue.Text(value).Trim();
                return MatchOption(text) is { } option ? (option, null) : ("", NotAnOption(text));
            default:
                var plain = InputValue.Text(value);
                return plain.Length > MaxLength
                    ? ("", new Refusal("TooLong", $"is {plain.Length} characters long; Campaign Monitor takes at most {MaxLength}"))
                    : (plain, null);
        }
    }

    private (string, Refusal?) Number(object value)
    {
        switch (value)
        {
            case byte or sbyte or short or ushort or int or uint or long or ulong or decimal or System.Numerics.BigInteger:
                return (InputValue.Text(value), null);
            case double d when double.IsFinite(d):
                return (d.ToString("R", CultureInfo.InvariantCulture), null);
            case float f when float.IsFinite(f):
                return (f.ToString("R", CultureInfo.InvariantCulture), null);
        }
        var text = InputValue.Text(value).Trim();
        if (Culture is not null)
        {
            // The field's culture, thousands separators included; sent the invariant way.
            if (decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, Culture, out var local))
                return (local.ToString(CultureInfo.InvariantCulture), null);
            return ("", new Refusal("InvalidNumber", $"'{Shorten(text)}' is not a number as {Culture.Name} writes them (like {1234.5m.ToString("N1", Culture)})"));
        }
        // The invariant culture, strictly: "1,234" or "3,5" are refused rather than guessed at.
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _))
            return (text, null);
        return ("", new Refusal("InvalidNumber", $"'{Shorten(text)}' is not a number (write it like 1234.5, without thousands separators, or give the mapping a Culture)"));
    }

    private (string, Refusal?) Date(object value)
    {
        DateTime date;
        switch (value)
        {
            case DateTime d:
                date = d;
                break;
            case DateTimeOffset o:
                date = o.DateTime;
                break;
            default:
                var text = InputValue.Text(value).Trim();
                if (Format is not null)
                {
                    if (!DateTime.TryParseExact(text, Format, Culture ?? CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
                        return ("", new Refusal("InvalidDate", $"'{Shorten(text)}' is not a date in the format '{Format}'"));
                }
                else if (IsoDay(text) is { } day)
                {
                    // The common case, read without the general parser: yyyy-MM-dd or yyyy/MM/dd.
                    if (day < FirstDate || day > LastDate)
                        return ("", OutOfRange(day));
                    return (text[4] == '/' ? text : string.Create(10, text, static (chars, from) =>
                    {
                        from.AsSpan().CopyTo(chars);
                        chars[4] = chars[7] = '/';
                    }), null);
                }
                else if (DateTime.TryParseExact(text, IsoDates, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                {
                }
                else if (DateTimeOffset.TryParseExact(text, IsoDatesWithOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
                {
                    // The calendar date as written: an offset does not move the day the value names.
                    date = withOffset.DateTime;
                }
                else if (Culture is not null && DateTime.TryParse(text, Culture, DateTimeStyles.AllowWhiteSpaces, out date))
                {
                    // The field's culture: "06.05.2024" in de-DE.
                }
                else
                {
                    return ("", new Refusal("InvalidDate", Culture is null
                        ? $"'{Shorten(text)}' is not an ISO date such as 2024-05-06; give the mapping a Format or a Culture for other forms"
                        : $"'{Shorten(text)}' is not a date as {Culture.Name} writes them (like {new DateTime(2024, 5, 6).ToString("d", Culture)}) or an ISO date"));
                }
                break;
        }
        if (date.Date < FirstDate || date.Date > LastDate)
            return ("", OutOfRange(date));
        return (date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture), null);
    }

    private static Refusal OutOfRange(DateTime date) =>
        new("DateOutOfRange", $"{date:yyyy-MM-dd} is outside 1900-01-01..2076-06-06, which Campaign Monitor would silently ignore");

    /// <summary>yyyy-MM-dd or yyyy/MM/dd (one separator, twice) as a real calendar day; null for anything else.</summary>
    private static DateTime? IsoDay(string text)
    {
        if (text.Length != 10 || (text[4] != '-' && text[4] != '/') || text[7] != text[4])
            return null;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            return null;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new DateTime(year, month, day);
    }

    private string? MatchOption(string value)
    {
        foreach (var option in Options)
        {
            if (string.Equals(option, value, StringComparison.OrdinalIgnoreCase))
                return option;
        }
        return null;
    }

    private Refusal NotAnOption(string value) =>
        new("NotAnOption", $"'{Shorten(value)}' is not one of the options of '{FieldName}' ({string.Join(", ", Options.Take(10))}{(Options.Count > 10 ? ", ..." : "")})");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
