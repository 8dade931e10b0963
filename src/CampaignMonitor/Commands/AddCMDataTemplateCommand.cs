using System.Collections;
using System.Management.Automation;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;
using CampaignMonitor.Internal;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>Stores a data template: how input columns map to Campaign Monitor fields for a destination.</summary>
[Cmdlet(VerbsCommon.Add, "CMDataTemplate", SupportsShouldProcess = true)]
[OutputType(typeof(DataTemplate))]
public sealed class AddCMDataTemplateCommand : SettingsCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind Destination { get; set; } = null!;

    /// <summary>Input column → field name, or → @{ Field; Type; Options; Separator; ClearWhenEmpty; Format }.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [MappingFromObject]
    [ValidateNotNull]
    public IDictionary Mapping { get; set; } = new Hashtable();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("Yes", "No", "Unchanged")]
    public string ConsentToTrack { get; set; } = "Unchanged";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>The culture (e.g. de-DE) every Number and Date field without a Format or a Culture of its own is read in.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Culture { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SwitchFromText]
    public SwitchParameter AllowBusinessUsers { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SwitchFromText]
    public SwitchParameter AllowRestrictedPii { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        RequireNotBusinessUser("create data templates", Name);
        var mapping = SetUp(() => SettingsValidation.Mapping(PlainObjects.UnwrapDictionary(Mapping)), Name);
        var record = new DataTemplateRecord
        {
            Name = Name, Destination = Destination.Name, Mapping = mapping, ConsentToTrack = ConsentToTrack, Description = Description, Culture = Culture,
            AllowBusinessUsers = AllowBusinessUsers, AllowRestrictedPii = AllowRestrictedPii,
        };
        var saved = SetUp(() => Catalog.AddDataTemplate(record, Force, () => ShouldProcess($"Data template '{Name}' for destination '{Destination}'", "Add data template")), Name);
        if (saved is not null)
            WriteObject(new DataTemplate(saved));
    }
}
