using System.Management.Automation;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Internal;

/// <summary>
/// Base of the readers of a whole client's data (its lists, its campaigns): the client is the one of -Credential, or
/// of -Destination's credential.
/// </summary>
public abstract class ClientReaderCmdlet : ApiCmdlet
{
    protected const string CredentialSet = "Credential";
    protected const string DestinationSet = "Destination";

    [Parameter(ParameterSetName = CredentialSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public string Credential { get; set; } = "";

    [Parameter(ParameterSetName = DestinationSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public string Destination { get; set; } = "";

    /// <summary>The credential of the parameter set used (checked against the session's policy).</summary>
    internal ApiCredential ResolveClient() =>
        Resolve(ParameterSetName == CredentialSet ? Credential : null, ParameterSetName == DestinationSet ? Destination : null).Credential;
}
