namespace CampaignMonitor.Core.Api.Models;

/// <summary>An entry of the client's suppression list.</summary>
internal sealed class SuppressedAddress
{
    public string EmailAddress { get; set; } = "";
    /// <summary>Why it is suppressed: "Unsubscribed", "Bounced", "Manual", ...</summary>
    public string? SuppressionReason { get; set; }
    public DateTime? Date { get; set; }
    /// <summary>"Suppressed".</summary>
    public string? State { get; set; }
}
