namespace CampaignMonitor.Core.Send.Mirror;

/// <summary>What -Mirror does to a member who left the input.</summary>
internal enum MirrorAction
{
    /// <summary>Moves the member to Deleted (they can be imported again later).</summary>
    Delete,
    /// <summary>Records an opt-out (under the list's AllClientLists setting, from every list of the client).</summary>
    Unsubscribe,
}
