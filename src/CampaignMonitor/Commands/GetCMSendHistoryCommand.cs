using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;
using CampaignMonitor.Core.Send.History;

namespace CampaignMonitor.Commands;

/// <summary>Reads the run history: one entry per send that reached the API, newest first.</summary>
[Cmdlet(VerbsCommon.Get, "CMSendHistory")]
[OutputType(typeof(SendHistoryEntry))]
public sealed class GetCMSendHistoryCommand : CampaignMonitorCmdletBase
{
    /// <summary>Only the sends to these destinations (wildcards; a removed destination's sends are still there).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public string[]? Destination { get; set; }

    /// <summary>Only the newest n sends (after the other filters).</summary>
    [Parameter]
    [ValidateRange(1, SendHistoryStore.Capacity)]
    public int Last { get; set; }

    /// <summary>Only the sends started at or after this time.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    private IReadOnlyList<Core.Send.History.SendHistoryEntry>? _entries;

    protected override void ProcessRecord()
    {
        _entries ??= SetUp(() => new SendHistoryStore(Catalog.Store).ReadNewestFirst(), null);
        var patterns = Destination?.Select(d => WildcardPattern.Get(d, WildcardOptions.IgnoreCase)).ToList();
        IEnumerable<Core.Send.History.SendHistoryEntry> wanted = _entries;
        if (patterns is not null)
            wanted = wanted.Where(e => patterns.Any(p => p.IsMatch(e.Destination)));
        if (Since is { } since)
        {
            var from = since.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(since, DateTimeKind.Local) : since;
            wanted = wanted.Where(e => e.StartTime >= new DateTimeOffset(from.ToUniversalTime()));
        }
        if (Last > 0)
            wanted = wanted.Take(Last);
        foreach (var entry in wanted)
            WriteObject(new SendHistoryEntry(entry));
    }
}
