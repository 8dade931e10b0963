using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;

namespace CampaignMonitor.Commands;

/// <summary>Lists stored destinations.</summary>
[Cmdlet(VerbsCommon.Get, "CMDestination")]
[OutputType(typeof(Destination))]
public sealed class GetCMDestinationCommand : SettingsCmdletBase
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var record in SetUp(() => Catalog.GetDestinations(Name), Name))
            WriteObject(new Destination(record));
    }
}
