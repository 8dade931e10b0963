using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Completion;

namespace CampaignMonitor.Commands;

/// <summary>Calls the API with a credential and says plainly whether its API key and client ID work.</summary>
[Cmdlet(VerbsDiagnostic.Test, "CMCredential")]
[OutputType(typeof(bool))]
public sealed class TestCMCredentialCommand : ReaderCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public string Name { get; set; } = "";

    protected override void ProcessRecord()
    {
        ForItem(() =>
        {
            var credential = Resolver.Credential(Name);
            // A test should answer quickly: one retry for a passing hiccup, not a long backoff.
            var client = Client(credential, options =>
            {
                options.MaxRetries = 1;
                options.MaxRateLimitRetries = 1;
                options.Timeout = TimeSpan.FromSeconds(30);
            });
            WriteVerbose($"Testing credential '{credential.Name}' (client {credential.ClientId}, key {credential.ApiKeyHint}) against {credential.BaseUri}");
            try
            {
                var lists = Call(ct => client.GetListsAsync(credential.ClientId, ct));
                WriteVerbose($"The API key and client ID work: the client has {lists.Count} list(s).");
                WriteObject(true);
            }
            catch (CampaignMonitorException ex)
            {
                // A check that fails is an answer, not an error: $false, and why in the warning stream.
                WriteWarning($"The credential '{credential.Name}' does not work: {ex.Message}");
                WriteObject(false);
            }
        }, Name);
    }
}
