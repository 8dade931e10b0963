using System.Runtime.CompilerServices;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Api.Http;

/// <summary>What a reader is told as each page arrives (for progress and -Verbose).</summary>
public readonly record struct PageInfo(int PageNumber, int NumberOfPages, int RecordsOnThisPage, int TotalNumberOfRecords);

/// <summary>Turns a page fetcher into a stream of items, fetching lazily (and at most one page ahead).</summary>
internal static class PagedStream
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Func<int, CancellationToken, Task<PagedResult<T>>> fetchPage,
        PageRequest paging,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<PagedResult<T>>? next = null;
        try
        {
            // Count pages ourselves: a response's PageNumber is not trusted to move on (fixtures repeat page 1).
            var number = 1;
            var page = await fetchPage(number, stop.Token).ConfigureAwait(false);
            while (true)
            {
                paging.PageFetched?.Invoke(new PageInfo(number, page.NumberOfPages, page.Results.Count, page.TotalNumberOfRecords));
                var more = page.Results.Count > 0 && number < page.NumberOfPages;
                if (more && paging.Prefetch)
                    next = fetchPage(number + 1, stop.Token);
                foreach (var item in page.Results)
                    yield return item;
                if (!more)
                    yield break;
                page = await (next ?? fetchPage(number + 1, stop.Token)).ConfigureAwait(false);
                next = null;
                number++;
            }
        }
        finally
        {
            // Stopped early (Select-Object -First): cancel the page being prefetched and swallow its outcome.
            if (next is not null)
            {
                stop.Cancel();
                try { await next.ConfigureAwait(false); } catch { /* nobody wants this page any more */ }
            }
        }
    }
}
