namespace CampaignMonitor.Core.Api.Models;

/// <summary>Body of <c>POST lists/{clientid}.json</c>.</summary>
internal sealed class CreateListRequest
{
    public string Title { get; set; } = "";
    public string UnsubscribePage { get; set; } = "";
    public string UnsubscribeSetting { get; set; } = UnsubscribeSettings.AllClientLists;
    public bool ConfirmedOptIn { get; set; }
    public string ConfirmationSuccessPage { get; set; } = "";
}
