using System.Globalization;
using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Json;

/// <summary>
/// Reads the API's timestamps ("2010-10-25 10:28:00", "2010-03-09", ISO 8601). A value without an offset stays
/// <see cref="DateTimeKind.Unspecified"/>: the API does not say which time zone it means, so we do not invent one.
/// </summary>
internal static class ApiDateParser
{
    private static readonly string[] Formats =
    {
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    };

    private static readonly string[] OffsetFormats = { "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK" };

    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            return true;
        // An explicit offset or 'Z' is information the API gave us: keep it, as UTC.
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            value = withOffset.UtcDateTime;
            return true;
        }
        return false;
    }

    public static string FormatForQuery(DateTime value) =>
        value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string FormatDateOnly(DateTime value) =>
        value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
