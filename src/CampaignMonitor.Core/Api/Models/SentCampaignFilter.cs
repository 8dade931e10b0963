using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Models;

/// <summary>Filters of the v3.3 sent-campaigns endpoint.</summary>
internal sealed class SentCampaignFilter
{
    public DateTime? SentFrom { get; set; }
    public DateTime? SentTo { get; set; }
    public IReadOnlyList<string>? Tags { get; set; }
}
