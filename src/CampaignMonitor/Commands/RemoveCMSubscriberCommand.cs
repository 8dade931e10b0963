using System.Collections.Concurrent;
using System.Diagnostics;
using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;
using CampaignMonitor.Core.Administration;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.Errors;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>
/// Takes addresses off a destination's list (deleted, or with -Unsubscribe an opt-out recorded), or with -AllLists
/// off every list of a credential's client. Addresses stream in from the pipeline and are removed -MaxConcurrency at
/// a time; an address the list does not have is a non-terminating SubscriberNotFound, never a stop.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CMSubscriber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = DestinationSet)]
[OutputType(typeof(SubscriberRemoval))]
public sealed class RemoveCMSubscriberCommand : CampaignMonitorCmdletBase
{
    private const string DestinationSet = "Destination";
    private const string AllListsSet = "AllLists";
    private readonly List<Task> _running = new();
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);
    private readonly ConcurrentQueue<Action> _finished = new();
    private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
    private SubscriberRemover _remover = null!;
    private ApiCredential _credential = null!;
    private string _listId = "";
    private string _listName = "";
    private long _given, _removed, _notFound, _failed;

    [Parameter(ParameterSetName = DestinationSet, Mandatory = true, Position = 0)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind Destination { get; set; } = null!;

    [Parameter(ParameterSetName = AllListsSet, Mandatory = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public CredentialPipeBind Credential { get; set; } = null!;

    /// <summary>Every list of the credential's client that has the address, not one destination's list.</summary>
    [Parameter(ParameterSetName = AllListsSet, Mandatory = true)]
    public SwitchParameter AllLists { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Email")]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = Array.Empty<string>();

    /// <summary>Records an opt-out (Unsubscribed) instead of deleting.</summary>
    [Parameter]
    public SwitchParameter Unsubscribe { get; set; }

    [Parameter]
    [ValidateRange(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How many times a transient failure is retried before the address counts as failed.</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>Writes one object per list an address was taken off.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        if (ParameterSetName == DestinationSet)
        {
            var (destination, credential) = SetUp(() => Resolver.DestinationToChange(Destination.Name), Destination.Name);
            _credential = credential;
            _listName = destination.ListName;
            _listId = SetUp(() => Call(ct => Resolver.DestinationListIdAsync(ClientWithRetries(), destination, credential, ct)), destination.ListName);
        }
        else
        {
            // Business users act only through destinations that allow them, never on a whole client.
            SetUp(() => Resolver.Policy.RequireNotBusinessUser("remove subscribers from every list of a client (-AllLists)"), Credential.Name);
            _credential = SetUp(() => Resolver.Credential(Credential.Name), Credential.Name);
        }
        _remover = new SubscriberRemover(ClientWithRetries(), Unsubscribe);
    }

    private Core.Api.CampaignMonitorClient ClientWithRetries() => Client(_credential, options => options.MaxRetries = MaxRetries);

    protected override void ProcessRecord()
    {
        foreach (var given in EmailAddress)
        {
            var email = given.Trim();
            _given++;
            var shown = Masker.Email(email)!;
            var where = AllLists ? $"every list of the client of credential '{_credential.Name}'" : $"list '{_listName}'";
            if (!ShouldProcess(shown, $"{_remover.Action} from {where}"))
                continue;
            while (_running.Count >= MaxConcurrency)
                WaitForOne();
            _running.Add(Start(email, shown));
            Report();
        }
    }

    /// <summary>Removes one address in the background; what happened is queued for the pipeline thread.</summary>
    private Task Start(string email, string shown) => Task.Run(async () =>
    {
        try
        {
            var targets = AllLists
                ? await _remover.FromAllListsAsync(_credential.ClientId, email, Async.Token).ConfigureAwait(false)
                : new[] { await _remover.FromListAsync(_listId, _listName, email, Async.Token).ConfigureAwait(false) };
            _finished.Enqueue(() => Removed(shown, targets));
        }
        catch (Exception ex) when (ErrorFunnel.IsExpected(ex))
        {
            _finished.Enqueue(() =>
            {
                _failed++;
                WriteError(ErrorFunnel.ToRecord(new InvalidOperationException($"{shown} could not be removed: {Masker.Text(ex.Message)}", ex), shown));
            });
        }
    });

    private void Removed(string shown, IReadOnlyList<RemovalTarget> targets)
    {
        if (!targets.Any(t => t.Found))
        {
            _notFound++;
            var message = AllLists
                ? $"No list of the client of credential '{_credential.Name}' has {shown}: nothing to remove."
                : $"The list '{_listName}' has no subscriber {shown}: nothing to remove.";
            WriteError(ErrorFunnel.Create(new ItemNotFoundException(message),
                "SubscriberNotFound", ErrorCategory.ObjectNotFound, shown));
            return;
        }
        _removed++;
        if (PassThru)
        {
            foreach (var target in targets.Where(t => t.Found))
                WriteObject(new SubscriberRemoval(shown, target.ListId, target.ListName, _remover.Unsubscribe ? "Unsubscribed" : "Deleted"));
        }
    }

    private void WaitForOne()
    {
        var done = Task.WhenAny(_running);
        while (!done.Wait(100))
            Report();
        _running.RemoveAll(t => t.IsCompleted);
        Report();
    }

    /// <summary>Writes what has come back, retries and progress. Pipeline thread only.</summary>
    private void Report()
    {
        WriteRetries();
        while (_finished.TryDequeue(out var report))
            report();
        // Every half second, as Send-CMSubscribers does (a count that has to land on a round number can skip it).
        var done = _removed + _notFound + _failed;
        if (done > 0 && _sinceProgress.Elapsed >= ProgressEvery)
        {
            _sinceProgress.Restart();
            WriteProgress(new ProgressRecord(4, $"{_remover.Action}: subscribers", $"{done:N0} of {_given:N0} addresses") { PercentComplete = (int)(100 * done / Math.Max(1, _given)) });
        }
    }

    protected override void EndProcessing()
    {
        while (_running.Count > 0)
            WaitForOne();
        WriteVerbose($"{_remover.Action}: {_removed:N0} of {_given:N0} addresses taken off; {_notFound:N0} not there, {_failed:N0} failed.");
    }

    protected override void DisposeOwned()
    {
        // Stopped: what is still running was cancelled with the pipeline; let it end before the clients go.
        try { Task.WaitAll(_running.ToArray(), TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
    }
}
