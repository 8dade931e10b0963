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
        ForEachNamed(Name, Catalog.GetDestinations, d => d.Name, name =>
        {
            var removed = Catalog.RemoveDestination(name, Force, templates => ShouldProcess(
                templates.Count == 0 ? $"Destination '{name}'" : $"Destination '{name}' and its data templates {string.Join(", ", templates.Select(t => $"'{t}'"))}",
                "Remove destination"));
            foreach (var template in removed)
                WriteVerbose($"Removed the data template '{template}' with the destination '{name}'.");
        });
}
