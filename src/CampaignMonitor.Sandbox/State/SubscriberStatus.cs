namespace CampaignMonitor.Sandbox.State;

/// <summary>The five states a subscriber of a list can be in.</summary>
internal enum SubscriberStatus
{
    Active,
    Unconfirmed,
    Unsubscribed,
    Bounced,
    Deleted,
}
