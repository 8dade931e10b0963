namespace CampaignMonitor.Core.Api.Models;

/// <summary>The body of POST subscribers/{listid}/unsubscribe.json.</summary>
internal sealed class UnsubscribeRequest
{
    public string EmailAddress { get; set; } = "";
}
