using System.Management.Automation;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;
using CampaignMonitor.Internal;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>Stores a destination: the master list that sends go to, under a credential, and how the list is set up.</summary>
[Cmdlet(VerbsCommon.Add, "CMDestination", SupportsShouldProcess = true)]
[OutputType(typeof(Destination))]
public sealed class AddCMDestinationCommand : SettingsCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public CredentialPipeBind Credential { get; set; } = null!;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ListName { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("AllClientLists", "OnlyThisList")]
    public string UnsubscribeSetting { get; set; } = "AllClientLists";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UnsubscribeUrl { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ConfirmationUrl { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SwitchFromText]
    public SwitchParameter ConfirmedOptIn { get; set; }

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
        RequireNotBusinessUser("create destinations", Name);
        var record = new DestinationRecord
        {
            Name = Name, Credential = Credential.Name, ListName = ListName, Description = Description, UnsubscribeSetting = UnsubscribeSetting,
            UnsubscribeUrl = UnsubscribeUrl, ConfirmationUrl = ConfirmationUrl, ConfirmedOptIn = ConfirmedOptIn,
            AllowBusinessUsers = AllowBusinessUsers, AllowRestrictedPii = AllowRestrictedPii,
        };
        var saved = SetUp(() => Catalog.AddDestination(record, Force, () => ShouldProcess($"Destination '{Name}' (list '{ListName}')", "Add destination")), Name);
        if (saved is not null)
            WriteObject(new Destination(saved));
    }
}
