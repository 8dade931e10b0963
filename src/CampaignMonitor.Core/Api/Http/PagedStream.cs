using System.Runtime.CompilerServices;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Api.Http;

/// <summary>
/// Turns a page fetcher into a stream of items, fetching lazily. With prefetch, the page after the one being read
/// is always on its way, and once a page has been read, the one after the next is asked for too: while the reader
/// waits for page n+1, page n+2 travels with it. So two pages share each wait (about twice the throughput of one
/// page ahead when the network is the slow part), yet whenever an item is being read at most one page beyond its
/// own has been requested — stopping early (Select-Object -First) costs at most one extra page.
/// </summary>
internal static class PagedStream
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Func<int, CancellationToken, Task<PagedResult<T>>> fetchPage,
        PageRequest paging,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Pages requested but not yet read, in page order: at most the next one while reading, two while waiting.
        var ahead = new Queue<Task<PagedResult<T>>>(2);
        try
        {
            // Count pages ourselves: a response's PageNumber is not trusted to move on (fixtures repeat page 1).
            var number = 1;
            var page = await fetchPage(number, stop.Token).ConfigureAwait(false);
            while (true)
            {
                paging.PageFetched?.Invoke(new PageInfo(number, page.NumberOfPages, page.Results.Count, page.TotalNumberOfRecords));
                var more = page.Results.Count > 0 && number < page.NumberOfPages;
                if (more && paging.Prefetch && ahead.Count == 0)
                    ahead.Enqueue(fetchPage(number + 1, stop.Token));
                foreach (var item in page.Results)
                    yield return item;
                if (!more)
                    yield break;
                // This page is read: the reader now waits for the next one, so the one after it may set off too.
                if (paging.Prefetch && number + 2 <= page.NumberOfPages && ahead.Count == 1)
                    ahead.Enqueue(fetchPage(number + 2, stop.Token));
                page = await (ahead.Count > 0 ? ahead.Dequeue() : fetchPage(number + 1, stop.Token)).ConfigureAwait(false);
                number++;
            }
        }
        finally
        {
            // Stopped early (Select-Object -First) or failed: cancel the pages on their way and swallow their outcome.
            if (ahead.Count > 0)
            {
                stop.Cancel();
                foreach (var pending in ahead)
                {
                    try { await pending.ConfigureAwait(false); } catch { /* nobody wants this page any more */ }
                }
            }
        }
    }
}
