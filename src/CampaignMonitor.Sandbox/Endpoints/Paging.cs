using System.Globalization;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>The paged endpoints' query parameters and envelope, with the API's validation codes (800-803).</summary>
internal sealed record Paging(int Page, int PageSize, string OrderField, string OrderDirection)
{
    public bool Descending => OrderDirection == "desc";

    public static (Paging? Paging, IResult? Error) Parse(HttpRequest request, string defaultOrderField, string defaultDirection, params string[] orderFields)
    {
        var query = request.Query;
        var page = 1;
        if (Get(query, "page") is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            return (null, ApiResults.Error(800, "Invalid page number"));
        var size = 1000;
        if (Get(query, "pagesize") is { } sizeText && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 10 || size > 1000))
            return (null, ApiResults.Error(801, "Invalid page size. Page size must be between 10 and 1000"));
        var field = (Get(query, "orderfield") ?? defaultOrderField).ToLowerInvariant();
        if (!orderFields.Contains(field))
            return (null, ApiResults.Error(802, $"Invalid order field. Must be one of: {string.Join(", ", orderFields)}"));
        var direction = (Get(query, "orderdirection") ?? defaultDirection).ToLowerInvariant();
        if (direction is not ("asc" or "desc"))
            return (null, ApiResults.Error(803, "Invalid order direction. Must be asc or desc"));
        return (new Paging(page, size, field, direction), null);
    }

    /// <summary>A query value by name in any case (the libraries send both includetrackingpreference and includeTrackingPreference).</summary>
    public static string? Get(IQueryCollection query, string name)
    {
        foreach (var pair in query)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                return string.IsNullOrEmpty(pair.Value.ToString()) ? null : pair.Value.ToString();
        }
        return null;
    }

    public object Envelope<T>(IReadOnlyList<T> rows, Func<T, object> project, string orderedBy)
    {
        var pages = rows.Count == 0 ? 0 : (rows.Count + PageSize - 1) / PageSize;
        var start = (Page - 1) * PageSize;
        var results = new List<object>(Math.Max(0, Math.Min(PageSize, rows.Count - start)));
        for (var i = start; i < rows.Count && i < start + PageSize; i++)
            results.Add(project(rows[i]));
        return new PagedBody(results, orderedBy, OrderDirection, Page, PageSize, results.Count, rows.Count, pages);
    }

    private sealed record PagedBody(List<object> Results, string ResultsOrderedBy, string OrderDirection, int PageNumber, int PageSize,
        int RecordsOnThisPage, int TotalNumberOfRecords, int NumberOfPages);
}
