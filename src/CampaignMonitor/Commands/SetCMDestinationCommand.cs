using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>Changes a stored destination: only what is given changes.</summary>
[Cmdlet(VerbsCommon.Set, "CMDestination", SupportsShouldProcess = true)]
[OutputType(typeof(Destination))]
public sealed class SetCMDestinationCommand : SettingsCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public CredentialPipeBind? Credential { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ListName { get; set; }

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    [ValidateSet("AllClientLists", "OnlyThisList")]
    public string? UnsubscribeSetting { get; set; }

    [Parameter]
    public string? UnsubscribeUrl { get; set; }

    [Parameter]
    public string? ConfirmationUrl { get; set; }

    [Parameter]
    public SwitchParameter ConfirmedOptIn { get; set; }

    [Parameter]
    public SwitchParameter AllowBusinessUsers { get; set; }

    [Parameter]
    public SwitchParameter AllowRestrictedPii { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        RequireNotBusinessUser("change destinations", Name);
        ForEachNamed(Name, Catalog.GetDestinations, d => d.Name, Change);
    }

    private void Change(string name)
    {
        var saved = Catalog.SetDestination(name, d =>
        {
            if (Credential is not null) d.Credential = Credential.Name;
            if (ListName is not null) d.ListName = ListName;
            if (Given(nameof(Description))) d.Description = Description;
            if (UnsubscribeSetting is not null) d.UnsubscribeSetting = UnsubscribeSetting;
            if (Given(nameof(UnsubscribeUrl))) d.UnsubscribeUrl = UnsubscribeUrl;
            if (Given(nameof(ConfirmationUrl))) d.ConfirmationUrl = ConfirmationUrl;
            if (Given(nameof(ConfirmedOptIn))) d.ConfirmedOptIn = ConfirmedOptIn;
            if (Given(nameof(AllowBusinessUsers))) d.AllowBusinessUsers = AllowBusinessUsers;
            if (Given(nameof(AllowRestrictedPii))) d.AllowRestrictedPii = AllowRestrictedPii;
        }, () => ShouldProcess($"Destination '{name}'", "Change destination"));
        // A list name or credential given again means: choose the list by name again (a pinned list is forgotten).
        if (saved is not null && (ListName is not null || Credential is not null))
            Catalog.ForgetListPin(saved.Name);
        if (saved is not null && PassThru)
            WriteObject(new Destination(saved));
    }
}
