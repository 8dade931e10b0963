namespace CampaignMonitor.Core.Api.Models;

/// <summary>The ConsentToTrack values the API accepts on write.</summary>
internal static class ConsentValues
{
    public const string Yes = "Yes";
    public const string No = "No";
    public const string Unchanged = "Unchanged";

    /// <summary>The API's spelling of yes/no/unchanged given in any case, or null.</summary>
    public static string? Normalize(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "yes" => Yes,
        "no" => No,
        "unchanged" => Unchanged,
        _ => null,
    };
}
