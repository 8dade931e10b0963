using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;

namespace CampaignMonitor.Commands;

/// <summary>Removes a data template.</summary>
[Cmdlet(VerbsCommon.Remove, "CMDataTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveCMDataTemplateCommand : SettingsCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DataTemplateNameCompleter))]
    public string Name { get; set; } = "";

    protected override void ProcessRecord() =>
        ForEachNamed(Name, Catalog.GetDataTemplates, t => t.Name,
            name => Catalog.RemoveDataTemplate(name, () => ShouldProcess($"Data template '{name}'", "Remove data template")));
}
