using System.Runtime.CompilerServices;
using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Readers;

/// <summary>Sent campaigns narrowed to one list: what <c>Get-CMCampaign -Destination</c> reads.</summary>
internal static class CampaignReader
{
    /// <summary>
    /// The client's sent campaigns (newest first, as filtered) that went to the list or to a segment of it: each
    /// campaign's lists and segments are read as it comes, so stopping early reads no more than needed.
    /// </summary>
    public static async IAsyncEnumerable<SentCampaign> SentToListAsync(CampaignMonitorClient client, string clientId, string listId,
        SentCampaignFilter filter, PageRequest paging, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var campaign in client.GetSentCampaignsAsync(clientId, filter, paging, cancellationToken).ConfigureAwait(false))
        {
            var reached = await client.GetCampaignListsAndSegmentsAsync(campaign.CampaignID, cancellationToken).ConfigureAwait(false);
            if (reached.Reached(listId))
                yield return campaign;
        }
    }
}
