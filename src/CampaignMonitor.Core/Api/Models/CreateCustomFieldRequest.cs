namespace CampaignMonitor.Core.Api.Models;

/// <summary>Body of <c>POST lists/{listid}/customfields.json</c> (note: <c>Options</c> here, <c>FieldOptions</c> on read).</summary>
internal sealed class CreateCustomFieldRequest
{
    public string FieldName { get; set; } = "";
    public string DataType { get; set; } = CustomFieldTypes.Text;
    public List<string>? Options { get; set; }
    public bool VisibleInPreferenceCenter { get; set; } = true;
}
