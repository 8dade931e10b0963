using System.Collections.Concurrent;
using System.Management.Automation;
using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Core.Api.Http;
using CampaignMonitor.Internal;

namespace CampaignMonitor.Commands;

/// <summary>Calls the API with a credential and says plainly whether its API key and client ID work.</summary>
[Cmdlet(VerbsDiagnostic.Test, "CMCredential")]
[OutputType(typeof(bool))]
public sealed class TestCMCredentialCommand : SettingsCmdlet, IDisposable
{
    private readonly PipelineAsync _async = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public string Name { get; set; } = "";

    protected override void ProcessRecord()
    {
        var credential = Settings(c => c.ResolveCredential(Name), Name);
        var options = credential.ToClientOptions();
        // A test should answer quickly: one retry for a passing hiccup, not a long backoff.
        options.MaxRetries = 1;
        options.MaxRateLimitRetries = 1;
        options.Timeout = TimeSpan.FromSeconds(30);
        options.UserAgentComment = "PowerShell/" + Host.Version;
        var retries = new ConcurrentQueue<RetryEventArgs>();
        using var client = new CampaignMonitorClient(options);
        client.Retrying += (_, e) => retries.Enqueue(e);
        WriteVerbose($"Testing credential '{credential.Name}' (client {credential.ClientId}, key {credential.ApiKeyHint}) against {credential.BaseUri}");
        try
        {
            var lists = _async.Run(ct => client.GetListsAsync(credential.ClientId, ct));
            WriteRetries(retries);
            WriteVerbose($"The API key and client ID work: the client has {lists.Count} list(s).");
            WriteObject(true);
        }
        catch (CampaignMonitorException ex)
        {
            WriteRetries(retries);
            WriteError(ErrorRecords.FromApi(ex, credential.Name));
        }
    }

    private void WriteRetries(ConcurrentQueue<RetryEventArgs> retries)
    {
        while (retries.TryDequeue(out var retry))
            WriteVerbose(retry.ToString());
    }

    protected override void StopProcessing() => _async.Stop();

    public void Dispose() => _async.Dispose();
}
