namespace CampaignMonitor.Core.Api.Models;

/// <summary>One row the API refused in an import.</summary>
internal sealed class ImportFailure
{
    public string EmailAddress { get; set; } = "";
    public int Code { get; set; }
    public string Message { get; set; } = "";
}
