namespace CampaignMonitor.Core.Api.Models;

/// <summary>Response of <c>GET lists/{listid}.json</c>.</summary>
internal sealed class ListDetails
{
    public string ListID { get; set; } = "";
    public string Title { get; set; } = "";
    public string? UnsubscribePage { get; set; }
    public string? UnsubscribeSetting { get; set; }
    public bool ConfirmedOptIn { get; set; }
    public string? ConfirmationSuccessPage { get; set; }
}
