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
        foreach (var record in SetUp(() => Catalog.GetDataTemplates(Name), Name))
            WriteObject(new DataTemplate(record));
    }
}
