using System.Globalization;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>The API's date forms in queries: "yyyy-MM-dd", "yyyy-MM-dd HH:mm" or "yyyy-MM-dd HH:mm:ss".</summary>
internal static class QueryDates
{
    private static readonly string[] Formats = { "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss" };

    public static bool TryParse(string? text, out DateTime value) =>
        DateTime.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static string Format(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
