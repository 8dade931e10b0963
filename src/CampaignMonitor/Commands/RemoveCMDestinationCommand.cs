using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;

namespace CampaignMonitor.Commands;

/// <summary>Removes a destination; refuses while a data template uses it, unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "CMDestination", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveCMDestinationCommand : SettingsCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord() =>
        ForEachNamed(Name, Catalog.GetDestinations, d => d.Name,
            name => Catalog.RemoveDestination(name, Force, () => ShouldProcess($"Destination '{name}'", "Remove destination")));
}
