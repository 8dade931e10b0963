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
    [ArgumentCompleter(typeof(DataTemplateNameCompleter))]
    public string Name { get; set; } = "";

    protected override void ProcessRecord() =>
        ForItem(() => Catalog.RemoveDataTemplate(Name, () => ShouldProcess($"Data template '{Name}'", "Remove data template")), Name);
}
