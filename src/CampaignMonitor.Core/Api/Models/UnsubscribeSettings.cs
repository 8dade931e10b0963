namespace CampaignMonitor.Core.Api.Models;

/// <summary>How unsubscribes from a list propagate: the API accepts exactly these two values.</summary>
internal static class UnsubscribeSettings
{
    public const string AllClientLists = "AllClientLists";
    public const string OnlyThisList = "OnlyThisList";
}
