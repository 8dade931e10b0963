namespace CampaignMonitor.Core.Api.Models;

/// <summary>The ConsentToTrack values the API accepts on write.</summary>
internal static class ConsentValues
{
    public const string Yes = "Yes";
    public const string No = "No";
    public const string Unchanged = "Unchanged";

    /// <summary>
    /// The API's spelling of yes/no/unchanged given in any case — also true/false, 1/0 and y/n, the way CRMs and
    /// spreadsheets export consent — or null.
    /// </summary>
    public static string? Normalize(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" or "true" or "1" => Yes,
        "no" or "n" or "false" or "0" => No,
        "unchanged" => Unchanged,
        _ => null,
    };
}
