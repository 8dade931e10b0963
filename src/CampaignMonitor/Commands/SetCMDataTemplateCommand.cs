using System.Collections;
using System.Management.Automation;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;
using CampaignMonitor.Internal;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>Changes a stored data template: only what is given changes (-Mapping replaces the whole mapping).</summary>
[Cmdlet(VerbsCommon.Set, "CMDataTemplate", SupportsShouldProcess = true)]
[OutputType(typeof(DataTemplate))]
public sealed class SetCMDataTemplateCommand : SettingsCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DataTemplateNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind? Destination { get; set; }

    [Parameter]
    [MappingFromObject]
    [ValidateNotNull]
    public IDictionary? Mapping { get; set; }

    [Parameter]
    [ValidateSet("Yes", "No", "Unchanged")]
    public string? ConsentToTrack { get; set; }

    [Parameter]
    public string? Description { get; set; }

    /// <summary>The culture (e.g. de-DE) every Number and Date field without a Format or a Culture of its own is read in; empty to go back to invariant.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? Culture { get; set; }

    [Parameter]
    public SwitchParameter AllowBusinessUsers { get; set; }

    [Parameter]
    public SwitchParameter AllowRestrictedPii { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        RequireNotBusinessUser("change data templates", Name);
        var mapping = Mapping is null ? null : SetUp(() => SettingsValidation.Mapping(PlainObjects.UnwrapDictionary(Mapping)), Name);
        ForEachNamed(Name, Catalog.GetDataTemplates, t => t.Name, name => Change(name, mapping));
    }

    private void Change(string name, List<FieldMapping>? mapping)
    {
        var saved = Catalog.SetDataTemplate(name, t =>
        {
            if (Destination is not null) t.Destination = Destination.Name;
            if (mapping is not null) t.Mapping = mapping;
            if (ConsentToTrack is not null) t.ConsentToTrack = ConsentToTrack;
            if (Given(nameof(Description))) t.Description = Description;
            if (Given(nameof(Culture))) t.Culture = Culture;
            if (Given(nameof(AllowBusinessUsers))) t.AllowBusinessUsers = AllowBusinessUsers;
            if (Given(nameof(AllowRestrictedPii))) t.AllowRestrictedPii = AllowRestrictedPii;
        }, () => ShouldProcess($"Data template '{name}'", "Change data template"));
        if (saved is not null && PassThru)
            WriteObject(new DataTemplate(saved));
    }
}
