using CampaignMonitor.Core.Api;

namespace CampaignMonitor.Core.Send;

/// <summary>Where and how a send imports: the client, the prepared list, the import switches, batch size and concurrency.</summary>
internal sealed record SendTarget(CampaignMonitorClient Client, string ListId, ImportFlags Flags, int BatchSize = 1000, int MaxConcurrency = 4);
