using System.Collections;
using System.Diagnostics;
using System.Management.Automation;
using System.Text;
using CampaignMonitor.Base;
using CampaignMonitor.Core.Send;
using CampaignMonitor.Core.Send.Csv;
using CampaignMonitor.Core.Send.History;
using CampaignMonitor.Core.Send.Incremental;
using CampaignMonitor.Core.Send.Mirror;
using System.Collections.Concurrent;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.Completion;
using CampaignMonitor.Internal;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>
/// Sends pipeline objects, or the rows of CSV files (-Path), to a destination's master list. The send itself (mapping, checks, duplicates, batches,
/// concurrent senders, counts, checkpoint, circuit breaker) is the core's <see cref="SendEngine"/>; this cmdlet reads
/// the rows, asks ShouldProcess, turns the engine's events into streams, progress and reject-file lines on the
/// pipeline thread, and writes the result.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "CMSubscribers", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PipelineSet)]
[OutputType(typeof(SendResult))]
public sealed class SendCMSubscribersCommand : CampaignMonitorCmdletBase
{
    private const string PipelineSet = "InputObject";
    private const string PathSet = "Path";
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);
    private readonly Stopwatch _clock = new();
    private readonly DateTimeOffset _startTime = DateTimeOffset.Now;
    private SendContext _context = null!;
    private SendReporter _reporter = null!;
    private SendCheckpoint? _checkpoint;
    private PreparedList? _prepared;
    private SendEngine? _engine;
    private RowReader? _reader;
    private CsvRowSource? _files;
    private long _rowNumber;
    private TimeSpan _lastProgress;
    private SendRun? _run;
    private volatile bool _stopped;
    private string? _endedBy;
    private string? _historyProblem;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind Destination { get; set; } = null!;

    [Parameter(Position = 1)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(DataTemplateNameCompleter))]
    public DataTemplatePipeBind? DataTemplate { get; set; }

    /// <remarks>One object, not an array: binding each piped row to an array parameter cost a tenth of the send. An array given with -InputObject (or piped as one item) is taken row by row.</remarks>
    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>CSV files the module reads itself: the same rows as Import-Csv -Path gives, read faster. Wildcards allowed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = null!;

    /// <summary>With -Path: the value separator (default ',').</summary>
    [Parameter(ParameterSetName = PathSet)]
    public char Delimiter { get; set; } = ',';

    /// <summary>With -Path: the files' encoding when they have no byte order mark (default UTF-8), as Import-Csv's -Encoding.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [EncodingFromName]
    [ArgumentCompleter(typeof(EncodingNameCompleter))]
    public Encoding Encoding { get; set; } = new UTF8Encoding(false);

    /// <summary>Makes unsubscribed, deleted, bounced, unconfirmed and suppressed addresses active again. Use with care.</summary>
    [Parameter]
    public SwitchParameter Resubscribe { get; set; }

    [Parameter]
    public SwitchParameter QueueAutoresponders { get; set; }

    [Parameter]
    public SwitchParameter RestartAutoresponders { get; set; }

    [Parameter]
    [ValidateRange(1, 1000)]
    public int BatchSize { get; set; } = 1000;

    [Parameter]
    [ValidateRange(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RejectPath { get; set; }

    /// <summary>How long one request may take before it is retried.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 120;

    /// <summary>A file recording the batches the API confirmed: run the same send again with it to send only the rest.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CheckpointPath { get; set; }

    /// <summary>How many times a transient failure is retried before the batch counts as failed.</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>Sends only the rows whose address or values changed since the last send to this destination and template.</summary>
    [Parameter]
    public SwitchParameter Incremental { get; set; }

    /// <summary>With -Incremental: the state file (default: state/ in the settings folder). Implies -Incremental.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    /// <summary>With -Incremental: sends every row and rebuilds the state. Implies -Incremental.</summary>
    [Parameter]
    public SwitchParameter Resync { get; set; }

    private bool IsIncremental => Incremental || Resync || StatePath is not null;

    /// <summary>After the sends, removes the list's Active and Unconfirmed members who were not in the input.</summary>
    [Parameter]
    public SwitchParameter Mirror { get; set; }

    /// <summary>With -Mirror: Delete (the default) or Unsubscribe the members who left.</summary>
    [Parameter]
    [ValidateSet("Delete", "Unsubscribe", IgnoreCase = true)]
    public string MirrorAction { get; set; } = "Delete";

    /// <summary>With -Mirror: the most it may remove, in percent of the Active and Unconfirmed members (default 20).</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int MaxRemovalPercent { get; set; } = 20;

    protected override void BeginProcessing()
    {
        _clock.Start();
        _context = SetUp(() => Resolver.ForSend(Destination.Name, DataTemplate?.Name), Destination.Name);
        string? rejectPath = null;
        if (RejectPath is not null)
        {
            rejectPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(RejectPath);
            var folder = System.IO.Path.GetDirectoryName(rejectPath);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
                Fail(new DirectoryNotFoundException($"The folder of -RejectPath '{RejectPath}' does not exist."), "RejectPathFolderMissing", ErrorCategory.ObjectNotFound, RejectPath);
        }
        _reporter = new SendReporter(this, Masker, rejectPath, _context.Destination.ListName);
        _run = new SendRun(new SendHistoryStore(Catalog.Store), _context, Modes());
        if (ParameterSetName == PathSet)
            OpenFiles();
    }

    /// <summary>-Path: resolves the files and reads every header, so a file that cannot be read stops the send before it starts.</summary>
    private void OpenFiles()
    {
        if (MyInvocation.ExpectingInput)
        {
            Fail(new ArgumentException("-Path and pipeline input are exclusive: give the files with -Path, or pipe the rows (Import-Csv ... | Send-CMSubscribers), not both."),
                "PathWithPipelineInput", ErrorCategory.InvalidArgument, Path);
        }
        var files = new List<string>();
        foreach (var path in Path)
        {
            try
            {
                files.AddRange(GetResolvedProviderPathFromPSPath(path, out _));
            }
            catch (Exception ex) when (ex is ItemNotFoundException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException)
            {
                Fail(new FileNotFoundException($"-Path '{path}' does not exist: {ex.Message}", ex), "PathNotFound", ErrorCategory.ObjectNotFound, path);
            }
        }
        _files = SetUp(() => new CsvRowSource(files, Delimiter, Encoding), string.Join(", ", files));
        for (var i = 0; i < files.Count; i++)
        {
            if (_files.Headers[i].Unnamed > 0)
                WriteWarning($"The header of '{files[i]}' has {_files.Headers[i].Unnamed} column(s) with no name, read as H1, H2, ... (as Import-Csv names them).");
        }
    }

    /// <summary>The switches the run history names.</summary>
    private List<string> Modes()
    {
        var modes = new List<string>();
        if (Mirror) modes.Add("Mirror");
        if (IsIncremental) modes.Add("Incremental");
        if (Resync) modes.Add("Resync");
        if (CheckpointPath is not null) modes.Add("Checkpoint");
        if (Resubscribe) modes.Add("Resubscribe");
        return modes;
    }

    protected override void ProcessRecord()
    {
        if (InputObject is null && !MyInvocation.ExpectingInput)
            return; // called with no input at all
        // -InputObject $array gives the whole array at once; the pipeline gives one row at a time.
        if (InputObject?.BaseObject is IList rows and not Array { Rank: > 1 })
        {
            foreach (var row in rows)
                Take(row is null ? null : PSObject.AsPSObject(row));
        }
        else
        {
            Take(InputObject);
        }
    }

    private void Take(PSObject? row)
    {
        _rowNumber++;
        if (_engine is null)
        {
            Start(RowReader.ColumnsOf(row, ListPreparation.StringRowColumn(_context)));
            _reader = new RowReader(_engine!.Plan);
        }
        var accepted = _engine!.Accept(_rowNumber, _reader!.Read(row), Async.Token);
        if (!accepted.IsCompletedSuccessfully)
            WaitFor(accepted);
        Drain(final: false);
    }

    /// <summary>-Path: the files' rows, as ProcessRecord takes piped ones.</summary>
    private void SendFiles()
    {
        while (NextFileRow())
        {
            if (Async.Token.IsCancellationRequested)
                throw new PipelineStoppedException();
            _rowNumber++;
            if (_engine is null)
                Start(_files!.Columns);
            var accepted = _engine!.Accept(_rowNumber, _files!.Values(_engine.Plan.ReadColumns), Async.Token);
            if (!accepted.IsCompletedSuccessfully)
                WaitFor(accepted);
            Drain(final: false);
        }
    }

    /// <summary>A file that cannot be read on (gone, unreadable) ends the send, as any failure of its input would.</summary>
    private bool NextFileRow()
    {
        try
        {
            return _files!.MoveNext();
        }
        catch (Exception ex) when (Errors.ErrorFunnel.IsExpected(ex))
        {
            Fail(ex, _files!.CurrentFile);
            throw; // not reached
        }
    }

    /// <summary>On the first row: its columns decide the mapping; then the list and fields are made ready (once).</summary>
    private void Start(IReadOnlyList<string> columns)
    {
        SetUp(() => ListPreparation.EmailColumn(_context, columns), null); // no email column: stop before any API call
        if (CheckpointPath is not null)
        {
            _checkpoint = SetUp(() => SendCheckpoint.Open(SessionState.Path.GetUnresolvedProviderPathFromPSPath(CheckpointPath), _context), CheckpointPath);
            _reporter.Resuming(_checkpoint);
        }
        var client = Client(_context.Credential, options =>
        {
            options.Timeout = TimeSpan.FromSeconds(TimeoutSec);
            options.MaxRetries = MaxRetries;
        });
        var apply = ShouldProcess($"list '{_context.Destination.ListName}' of destination '{_context.Destination.Name}'",
            "Send subscribers (creating the list and the custom fields the mapping needs)");
        if (apply)
            _run!.Started(_startTime); // from here the send may reach the API: it goes into the run history
        var prepared = _prepared = SetUp(() => Call(ct => ListPreparation.PrepareAsync(client, _context, columns, apply, ct)), _context.Destination.ListName);
        _reporter.Start(prepared, apply);
        var target = apply ? new SendTarget(client, prepared.ListId!, new ImportFlags(Resubscribe, QueueAutoresponders, RestartAutoresponders), BatchSize, MaxConcurrency) : null;
        // -Mirror with -Incremental: who is active now decides whether an unchanged row is sent anyway.
        var active = Mirror && IsIncremental && prepared.ListId is { } listId
            ? SetUp(() => Call(ct => ListMirror.ActiveMembersAsync(client, listId, ct)), _context.Destination.ListName)
            : null;
        _engine = new SendEngine(prepared.Plan, target, _checkpoint, IsIncremental ? OpenState(prepared) : null, Mirror, active);
    }

    /// <summary>-Incremental: the state of this destination and template, for this list and mapping.</summary>
    private IncrementalState OpenState(PreparedList prepared)
    {
        var path = StatePath is null
            ? IncrementalState.DefaultPath(Catalog.Store.Folder, _context.Destination.Name, _context.Template?.Name)
            : SessionState.Path.GetUnresolvedProviderPathFromPSPath(StatePath);
        // A list a dry run would create has no ID yet: no state can be for it.
        var context = SentValues.Context(_context, prepared.ListId ?? "", prepared.Plan);
        var state = SetUp(() => IncrementalState.Open(path, context, Resync), path);
        WriteVerbose(state.StartedAfresh is { } why
            ? $"Incremental: starting afresh ({why}); state file '{path}'."
            : $"Incremental: {state.Count:N0} addresses known from earlier sends (state file '{path}').");
        return state;
    }

    protected override void EndProcessing()
    {
        if (_files is not null)
            SendFiles();
        if (_engine is not null)
            WaitFor(_engine.FinishAsync(Async.Token));
        Drain(final: true);
        _engine?.Close();
        var summary = _engine?.Summary;
        _reporter.Finished(summary);
        var (mirror, mirrorError) = Mirror ? MirrorList(summary) : (MirrorReport.NotRequested, null);
        _engine?.SaveState();
        if (_engine?.StateProblem is { } stateProblem)
            WriteWarning($"{stateProblem} The next -Incremental send will send more than it needs to, never less.");
        _endedBy ??= mirrorError?.Exception.Message;
        RecordRun(mirror);
        if (_historyProblem is not null)
            WriteWarning($"The send was not recorded in the run history: {_historyProblem}");
        WriteObject(new SendResult(_context.Destination, summary, _prepared, _engine is null ? 0 : Client(_context.Credential).RetryCount, _clock.Elapsed, Masker, _reporter.RejectPath)
        {
            MirrorStatus = mirror.Status.ToString(),
            Removed = mirror.Removed,
            RemoveFailed = mirror.RemoveFailed,
            WouldRemove = mirror.WouldRemove,
        });
        // After the result: a runbook under Stop still has it.
        if (mirrorError is not null)
            ThrowTerminatingError(mirrorError);
        if (_reporter.NotDelivered(summary) is { } notDelivered)
            WriteError(notDelivered);
        if (_reporter.NotRemoved(mirror) is { } notRemoved)
            WriteError(notRemoved);
    }

    /// <summary>
    /// -Mirror's removal step, under its safety rules (<see cref="ListMirror"/>). Returns what it did, and the error
    /// that must end the command after the result is written (the limit, or members that could not be read).
    /// </summary>
    private (MirrorReport Report, ErrorRecord? Error) MirrorList(SendSummary? summary)
    {
        if (ListMirror.Skip(summary, stopped: false) is { } skipped)
        {
            WriteWarning(skipped == MirrorStatus.SkippedFailures
                ? $"-Mirror removed nobody: {summary!.Failed:N0} rows could not be delivered, and removing people after an incomplete send could remove the wrong ones."
                : "-Mirror removed nobody: no row was received (an empty input would empty the list).");
            return (new MirrorReport(skipped), null);
        }
        var dryRun = _engine!.DryRun;
        if (_prepared!.ListId is not { } listId)
            return (new MirrorReport(MirrorStatus.WhatIf), null); // a dry run of a list that does not exist yet
        var mirror = new ListMirror(Client(_context.Credential), listId, Enum.Parse<MirrorAction>(MirrorAction, ignoreCase: true), MaxRemovalPercent, MaxConcurrency);
        MirrorPlan plan;
        try
        {
            plan = Call(ct => mirror.PlanAsync(_engine.InInput, ct));
        }
        catch (Exception ex) when (Errors.ErrorFunnel.IsExpected(ex))
        {
            return (new MirrorReport(MirrorStatus.Failed), Errors.ErrorFunnel.ToRecord(ex, _context.Destination.ListName));
        }
        WriteVerbose($"-Mirror: {plan.Leavers.Count:N0} of {plan.Members:N0} active and unconfirmed members were not in the input ({plan.Percent:0.0}%; the limit is {MaxRemovalPercent}%).");
        if (mirror.ExceedsLimit(plan))
        {
            if (dryRun)
            {
                WriteWarning(mirror.LimitMessage(plan).Replace("nobody was removed", "a real send would remove nobody", StringComparison.Ordinal));
                return (new MirrorReport(MirrorStatus.WhatIf, WouldRemove: plan.Leavers.Count), null);
            }
            return (new MirrorReport(MirrorStatus.RefusedLimit, WouldRemove: plan.Leavers.Count),
                Errors.ErrorFunnel.Create(new InvalidOperationException(mirror.LimitMessage(plan)), "MirrorLimitExceeded", ErrorCategory.LimitsExceeded, _context.Destination.ListName));
        }
        if (dryRun || plan.Leavers.Count == 0
            || !ShouldProcess($"list '{_context.Destination.ListName}'", $"{mirror.Action} the {plan.Leavers.Count:N0} members who are not in the input"))
            return (new MirrorReport(dryRun ? MirrorStatus.WhatIf : MirrorStatus.Done, WouldRemove: dryRun ? plan.Leavers.Count : 0), null);
        var removed = new ConcurrentQueue<string>();
        var removal = mirror.RemoveAsync(plan, removed.Enqueue, Async.Token);
        WaitFor(removal, () =>
        {
            WriteRetries();
            WriteProgress(new ProgressRecord(3, $"Removing members who left '{_context.Destination.ListName}'", $"{removed.Count:N0} of {plan.Leavers.Count:N0}")
            {
                PercentComplete = (int)(100L * removed.Count / Math.Max(1, plan.Leavers.Count)),
            });
        });
        foreach (var email in removed)
            _engine.Removed(email);
        var outcome = removal.Result;
        return (new MirrorReport(MirrorStatus.Done, outcome.Removed, outcome.Failures.Count) { Failures = outcome.Failures }, null);
    }

    /// <summary>Waits for background work while keeping the pipeline thread busy with what has come back (or with <paramref name="tick"/>).</summary>
    private void WaitFor(Task task, Action? tick = null)
    {
        try
        {
            while (!task.Wait(100))
                (tick ?? (() => Drain(final: false)))();
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Reports what the engine has to tell, retries and progress. Pipeline thread only.</summary>
    private void Drain(bool final)
    {
        WriteRetries();
        if (_engine is null)
            return;
        while (_engine.TryTakeEvent(out var sendEvent))
            _reporter.Report(sendEvent);
        _reporter.Flush();
        if (!final && _clock.Elapsed - _lastProgress >= ProgressEvery && _clock.Elapsed > TimeSpan.FromSeconds(1))
        {
            _lastProgress = _clock.Elapsed;
            WriteProgress(SendReporter.Progress(_context.Destination.ListName, _engine.Summary, _clock.Elapsed));
        }
    }

    /// <summary>Records this send in the run history, once (at its end, its stop or the error that ended it).</summary>
    private void RecordRun(MirrorReport? mirror = null)
    {
        try
        {
            _run?.Record(DateTimeOffset.Now, _prepared?.ListId, _engine?.Summary, mirror, _stopped, _endedBy);
        }
        catch (SettingsException ex)
        {
            _historyProblem = ex.Message;
        }
    }

    protected override void OnTerminating(ErrorRecord error) => _endedBy ??= error.Exception.Message;

    protected override void OnStopping()
    {
        _stopped = true;
        _engine?.Stop();
        // The pipeline is stopping, so its streams are closed: the host is told directly what was confirmed.
        if (_engine is not null)
            Host.UI.WriteWarningLine(SendReporter.StoppedMessage(_engine.Summary));
    }

    protected override void DisposeOwned()
    {
        // Disposed before its end was recorded: the pipeline was stopped (it may unwind before StopProcessing reaches
        // this command, so Stopping is asked, not only OnStopping's flag), or a command before this one failed.
        // A send that ended normally was recorded already, and these make no difference to it.
        if (Stopping)
            _stopped = true;
        else
            _endedBy ??= "The pipeline ended before its input did: a command before Send-CMSubscribers stopped with an error.";
        RecordRun(); // a stopped send, or one a terminating error ended: nothing can be written to the pipeline now
        _reporter?.Dispose();
        _files?.Dispose();
        if (_engine is not null)
            _engine.Dispose();
        else
            _checkpoint?.Dispose();
    }
}
