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
        // A name that matches nothing is an error about that name, not the end of the command.
        ForItem(() =>
        {
            foreach (var record in Catalog.GetDestinations(Name))
                WriteObject(new Destination(record));
        }, Name);
    }
}
