namespace CampaignMonitor.Core.Api.Models;

/// <summary>What to ask a paged endpoint for; the API's own defaults when left alone.</summary>
internal sealed class PageRequest
{
    public const int MaxPageSize = 1000;
    public const int MinPageSize = 10;

    public int PageSize { get; set; } = MaxPageSize;
    public string? OrderField { get; set; }
    public string? OrderDirection { get; set; }
    /// <summary>
    /// Fetch page n+1 while page n is being consumed, and page n+2 as soon as page n is consumed (while waiting for
    /// n+1). Stopping early then costs at most one extra page.
    /// </summary>
    public bool Prefetch { get; set; } = true;

    /// <summary>Called as each page arrives, before its items are handed out.</summary>
    public Action<CampaignMonitor.Core.Api.Http.PageInfo>? PageFetched { get; set; }
}
