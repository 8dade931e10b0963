using System.Management.Automation;
using CampaignMonitor.Completion;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Base;

/// <summary>
/// Base of the cmdlets that change a client's suppression list: the client of -Credential, or of -Destination's
/// credential, and the addresses from -EmailAddress or the pipeline. As for sends, a business-user session may act
/// only through a destination that allows business users, and a restricted-PII session only through one that
/// allows restricted PII.
/// </summary>
public abstract class SuppressionCmdletBase : CampaignMonitorCmdletBase
{
    protected const string CredentialSet = "Credential";
    protected const string DestinationSet = "Destination";

    [Parameter(ParameterSetName = CredentialSet, Mandatory = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public CredentialPipeBind Credential { get; set; } = null!;

    [Parameter(ParameterSetName = DestinationSet, Mandatory = true, Position = 0)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind Destination { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Email")]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = Array.Empty<string>();

    /// <summary>How many times a transient failure is retried before the address counts as failed.</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>Writes one result per address.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected ApiCredential ClientCredential { get; private set; } = null!;

    protected override void BeginProcessing()
    {
        if (ParameterSetName == DestinationSet)
        {
            ClientCredential = SetUp(() => Resolver.DestinationToChange(Destination.Name), Destination.Name).Credential;
            return;
        }
        SetUp(() => Resolver.Policy.RequireNotBusinessUser("change a client's suppression list by credential (use a destination that allows business users)"), Credential.Name);
        ClientCredential = SetUp(() => Resolver.Credential(Credential.Name), Credential.Name);
    }

    private protected Core.Api.CampaignMonitorClient SuppressionClient() => Client(ClientCredential, options => options.MaxRetries = MaxRetries);
}
