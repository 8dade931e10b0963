namespace CampaignMonitor.Core.Api.Models;

/// <summary>The five states a list's subscribers can be read in; each has its own endpoint.</summary>
internal enum SubscriberState
{
    Active,
    Unconfirmed,
    Unsubscribed,
    Bounced,
    Deleted,
}
