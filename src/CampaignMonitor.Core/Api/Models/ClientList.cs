namespace CampaignMonitor.Core.Api.Models;

/// <summary>One entry of <c>GET clients/{clientid}/lists.json</c>.</summary>
internal sealed class ClientList
{
    public string ListID { get; set; } = "";
    public string Name { get; set; } = "";
}
