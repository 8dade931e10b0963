namespace CampaignMonitor;

/// <summary>An address taken off a list (Remove-CMSubscriber -PassThru).</summary>
public sealed class SubscriberRemoval
{
    internal SubscriberRemoval(string emailAddress, string listId, string listName, string action)
    {
        EmailAddress = emailAddress;
        ListId = listId;
        ListName = listName;
        Action = action;
    }

    /// <summary>The address (masked in a restricted-PII session).</summary>
    public string EmailAddress { get; }
    public string ListId { get; }
    public string ListName { get; }
    /// <summary>Deleted or Unsubscribed.</summary>
    public string Action { get; }
}
