namespace CampaignMonitor.Core.Api.Models;

/// <summary>The envelope every paged endpoint returns.</summary>
internal sealed class PagedResult<T>
{
    public List<T> Results { get; set; } = new();
    public string? ResultsOrderedBy { get; set; }
    public string? OrderDirection { get; set; }
    public int PageNumber { get; set; }
    public int PageSize { get; set; }
    public int RecordsOnThisPage { get; set; }
    public int TotalNumberOfRecords { get; set; }
    public int NumberOfPages { get; set; }
}
