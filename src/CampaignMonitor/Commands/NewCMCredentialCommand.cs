using System.Management.Automation;
using System.Net;
using System.Security;
using CampaignMonitor.Base;

namespace CampaignMonitor.Commands;

/// <summary>Stores a credential (API key and client ID) under a name, protected; or keeps it for this session only.</summary>
[Cmdlet(VerbsCommon.New, "CMCredential", SupportsShouldProcess = true, DefaultParameterSetName = KeySet)]
[OutputType(typeof(Credential))]
public sealed class NewCMCredentialCommand : SettingsCmdletBase
{
    private const string KeySet = "ApiKey";
    private const string PSCredentialSet = "PSCredential";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(ParameterSetName = KeySet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = PSCredentialSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClientId { get; set; } = "";

    /// <summary>Prompted for when absent.</summary>
    [Parameter(ParameterSetName = KeySet, ValueFromPipelineByPropertyName = true)]
    public SecureString? ApiKey { get; set; }

    /// <summary>The password is the API key; the user name is the client ID when -ClientId is not given.</summary>
    [Parameter(ParameterSetName = PSCredentialSet, Mandatory = true)]
    [System.Management.Automation.Credential]
    public PSCredential? Credential { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? BaseUri { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Kept in this session's memory only, never written to disk.</summary>
    [Parameter]
    public SwitchParameter SessionOnly { get; set; }

    protected override void ProcessRecord()
    {
        RequireNotBusinessUser("create credentials", Name);
        var clientId = ParameterSetName == PSCredentialSet && string.IsNullOrEmpty(ClientId) ? Credential!.UserName : ClientId;
        var key = ParameterSetName == PSCredentialSet ? Credential!.GetNetworkCredential().Password : ReadKey();
        var where = SessionOnly ? "this session's memory" : Catalog.Store.Folder;
        var info = SetUp(() => Catalog.NewCredential(Name, clientId, key, BaseUri, Force, SessionOnly,
            () => ShouldProcess($"Credential '{Name}' (client {clientId}) in {where}", "Store credential")), Name);
        if (info is not null)
            WriteObject(new Credential(info));
    }

    private string ReadKey()
    {
        if (ApiKey is not null)
            return new NetworkCredential("", ApiKey).Password;
        try
        {
            // The host's own prompt: no echo, and a clean refusal (nothing printed) in a non-interactive session.
            var field = new System.Management.Automation.Host.FieldDescription("ApiKey") { IsMandatory = true };
            field.SetParameterType(typeof(SecureString));
            var answers = Host.UI.Prompt($"API key for the credential '{Name}'", "", new System.Collections.ObjectModel.Collection<System.Management.Automation.Host.FieldDescription> { field });
            return answers.TryGetValue("ApiKey", out var answer) && answer?.BaseObject is SecureString key
                ? new NetworkCredential("", key).Password
                : "";
        }
        catch (Exception ex) when (ex is PSInvalidOperationException or NotImplementedException or System.Management.Automation.Host.HostException)
        {
            Fail(new PSArgumentException("Give the API key with -ApiKey (a SecureString) or -Credential: this session cannot prompt for it.", ex),
                "ApiKeyRequired", ErrorCategory.InvalidArgument, Name);
            return "";
        }
    }
}
