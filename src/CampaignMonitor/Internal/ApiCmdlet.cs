using System.Collections.Concurrent;
using System.Management.Automation;
using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Core.Api.Http;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Internal;

/// <summary>
/// Base of the cmdlets that read from Campaign Monitor: resolves -Credential or -Destination to a client (checking
/// the session's policy), runs calls from the pipeline thread, reports retries in the verbose stream and API
/// failures as ErrorRecords.
/// </summary>
public abstract class ApiCmdlet : PSCmdlet, IDisposable
{
    private readonly ConcurrentQueue<RetryEventArgs> _retries = new();
    private readonly Dictionary<string, CampaignMonitorClient> _clients = new(StringComparer.OrdinalIgnoreCase);
    private SettingsCatalog? _catalog;

    internal PipelineAsync Async { get; } = new();

    internal SettingsCatalog Catalog => _catalog ??= SettingsCatalog.ForEnvironment(WriteWarning);

    /// <summary>True in a CM_PII_ACCESS=Restricted session: emails, names and phone numbers written are masked.</summary>
    internal bool MaskPii => Catalog.Policy.IsPiiRestricted;

    /// <summary>The credential and (when given) the destination a read uses; terminating error when neither works.</summary>
    internal (ApiCredential Credential, DestinationRecord? Destination) Resolve(string? credentialName, string? destinationName)
    {
        try
        {
            if (!string.IsNullOrEmpty(destinationName))
            {
                var destination = Catalog.GetDestination(destinationName);
                if (Catalog.Policy.IsBusinessUser && !destination.AllowBusinessUsers)
                {
                    throw new SettingsException(SettingsErrorKind.NotAllowed,
                        $"{SessionPolicy.RoleVariable}=BusinessUser: the destination '{destination.Name}' does not allow business users (its AllowBusinessUsers flag is off).", destination.Name);
                }
                return (Catalog.ResolveCredential(destination.Credential), destination);
            }
            if (!string.IsNullOrEmpty(credentialName))
                return (Catalog.ResolveCredential(credentialName), null);
        }
        catch (SettingsException ex)
        {
            ThrowTerminatingError(SettingsCmdlet.ToErrorRecord(ex, destinationName ?? credentialName));
        }
        ThrowTerminatingError(ErrorRecords.Create(new PSArgumentException("Give -Destination or -Credential."), "NoCredential", ErrorCategory.InvalidArgument, null));
        throw new InvalidOperationException(); // unreachable
    }

    /// <summary>One client per credential for the whole pipeline.</summary>
    internal CampaignMonitorClient Client(ApiCredential credential, Action<CampaignMonitorClientOptions>? configure = null)
    {
        if (!_clients.TryGetValue(credential.Name, out var client))
        {
            var options = credential.ToClientOptions();
            options.UserAgentComment = "PowerShell/" + Host.Version;
            configure?.Invoke(options);
            client = new CampaignMonitorClient(options);
            client.Retrying += (_, e) => _retries.Enqueue(e);
            _clients[credential.Name] = client;
        }
        return client;
    }

    /// <summary>Runs a call; an API failure becomes a terminating error whose id says what kind it was.</summary>
    internal T Call<T>(Func<CancellationToken, Task<T>> call, object? target)
    {
        try
        {
            return Async.Run(call);
        }
        catch (CampaignMonitorException ex)
        {
            WriteRetries();
            ThrowTerminatingError(ErrorRecords.FromApi(ex, target));
            throw; // unreachable
        }
        finally
        {
            WriteRetries();
        }
    }

    internal void WriteRetries()
    {
        while (_retries.TryDequeue(out var retry))
            WriteVerbose(retry.ToString());
    }

    /// <summary>
    /// Writes a paged stream as its items arrive, with progress and a verbose line per page. Stopping early
    /// (Select-Object -First) disposes the stream, which cancels the page being fetched ahead.
    /// </summary>
    internal void Stream<T>(Func<Core.Api.Models.PageRequest, IAsyncEnumerable<T>> open, Func<T, object> project, string what, object? target)
    {
        var pages = new ConcurrentQueue<PageInfo>();
        var paging = new Core.Api.Models.PageRequest { PageFetched = pages.Enqueue };
        var written = 0L;
        var items = open(paging).GetAsyncEnumerator(Async.Token);
        try
        {
            while (Call(_ => items.MoveNextAsync().AsTask(), target))
            {
                while (pages.TryDequeue(out var page))
                {
                    WriteVerbose($"{what}: page {page.PageNumber} of {Math.Max(page.NumberOfPages, 1)}, {page.RecordsOnThisPage} rows ({page.TotalNumberOfRecords} in all).");
                    if (page.NumberOfPages > 1)
                    {
                        WriteProgress(new ProgressRecord(2, $"Reading {what}", $"page {page.PageNumber} of {page.NumberOfPages}")
                        {
                            PercentComplete = (int)Math.Min(100, 100L * (page.PageNumber - 1) / page.NumberOfPages),
                        });
                    }
                }
                WriteObject(project(items.Current));
                written++;
            }
        }
        finally
        {
            // Also when the pipeline stops us: the prefetched page is cancelled here.
            items.DisposeAsync().AsTask().GetAwaiter().GetResult();
            WriteProgressDone(what);
        }
        WriteVerbose($"{what}: {written} rows.");
    }

    private void WriteProgressDone(string what)
    {
        // Best effort: when the pipeline is stopping, even this write throws, and must not hide why it stopped.
        try { WriteProgress(new ProgressRecord(2, $"Reading {what}", "Done") { RecordType = ProgressRecordType.Completed }); }
        catch (Exception) { }
    }

    /// <summary>Finds a list of the credential's client by name (as sends do: exact, else the one case-insensitive match).</summary>
    internal string ListIdByName(CampaignMonitorClient client, ApiCredential credential, string listName)
    {
        var lists = Call(ct => client.GetListsAsync(credential.ClientId, ct), listName);
        var match = lists.FirstOrDefault(l => string.Equals(l.Name, listName, StringComparison.Ordinal))
            ?? (lists.Count(l => string.Equals(l.Name, listName, StringComparison.OrdinalIgnoreCase)) == 1
                ? lists.First(l => string.Equals(l.Name, listName, StringComparison.OrdinalIgnoreCase)) : null);
        if (match is null)
        {
            ThrowTerminatingError(ErrorRecords.Create(new ItemNotFoundException($"The client of credential '{credential.Name}' has no list named '{listName}'. Get-CMList shows its lists."),
                "ListNotFound", ErrorCategory.ObjectNotFound, listName));
        }
        return match!.ListID;
    }

    protected override void StopProcessing() => Async.Stop();

    public void Dispose()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
        Async.Dispose();
    }
}
