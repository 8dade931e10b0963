using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Models;

/// <summary>A custom field value on a subscriber: one entry per value (repeat the key for MultiSelectMany).</summary>
internal struct SubscriberCustomField
{
    public SubscriberCustomField()
    {
    }

    public string Key { get; set; } = "";
    public string? Value { get; set; }

    /// <summary>Only sent when true: an omitted field keeps its value.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Clear { get; set; }
}
