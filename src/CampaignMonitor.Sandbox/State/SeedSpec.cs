namespace CampaignMonitor.Sandbox.State;

/// <summary>What to put in the sandbox: subscribers in any state, suppressed addresses, sent campaigns with activity.</summary>
internal sealed record SeedSpec
{
    /// <summary>The list to fill; created (AllClientLists, single opt-in) when it does not exist.</summary>
    public string ListName { get; init; } = "Sandbox List";
    /// <summary>Makes generated data reproducible: the same seed gives the same addresses, names, dates and activity.</summary>
    public int Seed { get; init; } = 1;
    public int Active { get; init; }
    public int Unconfirmed { get; init; }
    public int Unsubscribed { get; init; }
    public int Bounced { get; init; }
    public int Deleted { get; init; }
    /// <summary>State changes are spread over this many days before now.</summary>
    public int DaysBack { get; init; } = 30;
    /// <summary>Exact subscribers to add, with their state.</summary>
    public List<SeedSubscriber> Subscribers { get; init; } = new();
    /// <summary>Addresses to put on the client's suppression list.</summary>
    public List<string> Suppressed { get; init; } = new();
    /// <summary>How many sent campaigns to make, each sent to the list's active subscribers with opens, clicks, bounces and so on.</summary>
    public int Campaigns { get; init; }
    /// <summary>Recipients per campaign (at most the list's active subscribers); all of them when 0.</summary>
    public int RecipientsPerCampaign { get; init; }
}
