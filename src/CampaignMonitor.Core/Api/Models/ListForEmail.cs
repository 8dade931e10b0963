namespace CampaignMonitor.Core.Api.Models;

/// <summary>A list of the client that has an address (clients/{id}/listsforemail.json), and the address's state there.</summary>
internal sealed class ListForEmail
{
    public string ListID { get; set; } = "";
    public string? ListName { get; set; }
    public string? SubscriberState { get; set; }
    public DateTime? DateSubscriberAdded { get; set; }
}
