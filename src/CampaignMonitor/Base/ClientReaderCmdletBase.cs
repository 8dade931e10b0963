using System.Management.Automation;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.Completion;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Base;

/// <summary>
/// Base of the readers of a whole client's data (its lists, its campaigns): the client is the one of -Credential, or
/// of -Destination's credential.
/// </summary>
public abstract class ClientReaderCmdletBase : ReaderCmdletBase
{
    protected const string CredentialSet = "Credential";
    protected const string DestinationSet = "Destination";

    [Parameter(ParameterSetName = CredentialSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public CredentialPipeBind Credential { get; set; } = null!;

    // Position 0 is the destination on every reader (Get-CMList, Get-CMCampaign, Get-CMListStats, Get-CMSubscriber).
    [Parameter(ParameterSetName = DestinationSet, Mandatory = true, Position = 0)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind Destination { get; set; } = null!;

    /// <summary>The credential of the parameter set used (checked against the session's policy).</summary>
    internal ApiCredential ResolveClient() =>
        ResolveCredential(ParameterSetName == CredentialSet ? Credential : null, ParameterSetName == DestinationSet ? Destination : null).Credential;
}
