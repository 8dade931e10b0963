using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Models;

/// <summary>
/// The outcome of an import: a success, or (code 210) a partial success whose refused rows are in
/// <see cref="FailureDetails"/> while the others were imported.
/// </summary>
internal sealed class ImportResult
{
    /// <summary>The API's code for a partial import: an error status, but a result.</summary>
    public const int PartialImportCode = 210;

    public List<ImportFailure> FailureDetails { get; set; } = new();
    public int TotalUniqueEmailsSubmitted { get; set; }
    public int TotalExistingSubscribers { get; set; }
    public int TotalNewSubscribers { get; set; }
    public List<string> DuplicateEmailsInSubmission { get; set; } = new();

    /// <summary>True when the API answered code 210 (some rows failed, the rest were imported).</summary>
    [JsonIgnore]
    public bool IsPartial { get; set; }
}
