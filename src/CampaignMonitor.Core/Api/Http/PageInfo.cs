using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Api.Http;

/// <summary>What a reader is told as each page arrives (for progress and -Verbose).</summary>
internal readonly record struct PageInfo(int PageNumber, int NumberOfPages, int RecordsOnThisPage, int TotalNumberOfRecords);
