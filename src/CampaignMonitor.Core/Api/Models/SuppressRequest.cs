namespace CampaignMonitor.Core.Api.Models;

/// <summary>The body of POST clients/{id}/suppress.json.</summary>
internal sealed class SuppressRequest
{
    /// <summary>The API takes a batch of addresses in one request.</summary>
    public const int MaxAddresses = 100;

    public List<string> EmailAddresses { get; set; } = new();
}
