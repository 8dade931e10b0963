namespace CampaignMonitor.Core.Api.Models;

/// <summary>One entry of <c>GET lists/{listid}/customfields.json</c>.</summary>
internal sealed class CustomFieldDefinition
{
    public string FieldName { get; set; } = "";
    /// <summary>The bracketed key, e.g. <c>[subscriptiondate]</c>. Always use the key the API returned.</summary>
    public string Key { get; set; } = "";
    public string DataType { get; set; } = CustomFieldTypes.Text;
    public List<string> FieldOptions { get; set; } = new();
    public bool VisibleInPreferenceCenter { get; set; }
}
