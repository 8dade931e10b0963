namespace CampaignMonitor.Core.Api.Models;

/// <summary>Body of <c>PUT lists/{listid}/customfields/{key}/options.json</c>.</summary>
internal sealed class UpdateCustomFieldOptionsRequest
{
    public List<string> Options { get; set; } = new();
    public bool KeepExistingOptions { get; set; } = true;
}
