using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;

namespace CampaignMonitor.Commands;

/// <summary>Lists stored data templates.</summary>
[Cmdlet(VerbsCommon.Get, "CMDataTemplate")]
[OutputType(typeof(DataTemplate))]
public sealed class GetCMDataTemplateCommand : SettingsCmdletBase
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DataTemplateNameCompleter))]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        // A name that matches nothing is an error about that name, not the end of the command.
        ForItem(() =>
        {
            foreach (var record in Catalog.GetDataTemplates(Name))
                WriteObject(new DataTemplate(record));
        }, Name);
    }
}
