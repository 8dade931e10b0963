namespace CampaignMonitor.Sandbox.State;

internal sealed class Campaign
{
    public required string CampaignID { get; init; }
    public required string Name { get; init; }
    public required string Subject { get; init; }
    public string FromName { get; init; } = "Sandbox Sender";
    public string FromEmail { get; init; } = "sender@example.com";
    public string ReplyTo { get; init; } = "sender@example.com";
    public DateTime SentDate { get; init; }
    public List<string> Tags { get; init; } = new();
    /// <summary>The lists the campaign was sent to.</summary>
    public List<string> ListIDs { get; init; } = new();
    public string WebVersionURL => $"https://sandbox.createsend.invalid/t/r-{CampaignID}";
    public string WebVersionTextURL => WebVersionURL + "/t";

    /// <summary>Rows of each report, keyed by the report's path segment (recipients, opens, clicks, ...).</summary>
    public Dictionary<string, List<ActivityRow>> Activity { get; } = new()
    {
        ["recipients"] = new(), ["opens"] = new(), ["clicks"] = new(),
        ["bounces"] = new(), ["unsubscribes"] = new(), ["spam"] = new(),
    };
}
