using System.Collections.Concurrent;
using System.Diagnostics;
using System.Management.Automation;
using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Core.Api.Http;
using CampaignMonitor.Core.Privacy;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.Core.Sync;
using CampaignMonitor.Internal;

namespace CampaignMonitor.Commands;

/// <summary>
/// Sends pipeline objects to a destination's master list: mapped, checked, imported in concurrent batches while the
/// input streams in, every row accounted for. The per-row work happens here on the pipeline thread; batches go out
/// on background senders whose results are drained back here (the only thread allowed to write).
/// </summary>
[Cmdlet(VerbsCommunications.Send, "CMSubscribers", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SendResult))]
public sealed class SendCMSubscribersCommand : PSCmdlet, IDisposable
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);

    private readonly PipelineAsync _async = new();
    private readonly Stopwatch _clock = new();
    private readonly ConcurrentQueue<RetryEventArgs> _retries = new();
    private SendContext _context = null!;
    private CampaignMonitorClient? _client;
    private PreparedList? _prepared;
    private SubscriberSync? _sync;
    private ImportSender? _sender;
    private RowReader? _reader;
    private RejectFile? _rejectFile;
    private SendCheckpoint? _checkpoint;
    private string? _rejectPath;
    private IReadOnlyList<string> _inputColumns = Array.Empty<string>();
    private Dictionary<string, TargetKind> _piiColumns = new(StringComparer.OrdinalIgnoreCase);
    private bool _masked;
    private bool _verbose;
    private long _rowNumber;
    private bool _toldCircuitOpen;
    private TimeSpan _lastProgress;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public string Destination { get; set; } = "";

    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DataTemplateNameCompleter))]
    public string? DataTemplate { get; set; }

    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject?[]? InputObject { get; set; }

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

    protected override void BeginProcessing()
    {
        _clock.Start();
        _verbose = MyInvocation.BoundParameters.TryGetValue("Verbose", out var verbose) ? ((SwitchParameter)verbose).IsPresent
            : GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        try
        {
            _context = SendContext.Load(SettingsCatalog.ForEnvironment(WriteWarning), Destination, DataTemplate);
        }
        catch (SettingsException ex)
        {
            ThrowTerminatingError(SettingsCmdlet.ToErrorRecord(ex, Destination));
        }
        catch (SendSetupException ex)
        {
            ThrowTerminatingError(SetupError(ex));
        }
        _masked = _context.Policy.IsPiiRestricted;
        if (RejectPath is not null)
        {
            _rejectPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(RejectPath);
            var folder = Path.GetDirectoryName(_rejectPath);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                ThrowTerminatingError(ErrorRecords.Create(new DirectoryNotFoundException($"The folder of -RejectPath '{RejectPath}' does not exist."),
                    "RejectPathFolderMissing", ErrorCategory.ObjectNotFound, RejectPath));
            }
        }
    }

    protected override void ProcessRecord()
    {
        if (InputObject is null && !MyInvocation.ExpectingInput)
            return; // called with no input at all
        // -InputObject $array gives the whole array at once; the pipeline gives one row at a time.
        foreach (var row in InputObject ?? new PSObject?[] { null })
            Take(row);
    }

    private void Take(PSObject? row)
    {
        _rowNumber++;
        if (_sync is null)
            Start(row);
        var values = _reader!.Read(row, out var snapshot);
        var problem = _sync!.Accept(_rowNumber, values, row, snapshot);
        if (problem is not null)
            Report(problem);
        if (_sync.BatchIsFull)
            WaitFor(_sender!.DispatchAsync(_async.Token));
        Drain(final: false);
    }

    /// <summary>On the first row: its columns decide the mapping; then the list and fields are made ready (once).</summary>
    private void Start(PSObject? first)
    {
        _inputColumns = RowReader.ColumnsOf(first);
        try
        {
            SendSetup.EmailColumn(_context, _inputColumns); // no email column: stop before any API call
        }
        catch (SendSetupException ex)
        {
            ThrowTerminatingError(SetupError(ex));
        }

        if (CheckpointPath is not null)
        {
            try
            {
                var firstValues = _inputColumns.Select(c => RowReader.Text(first, c));
                _checkpoint = SendCheckpoint.Open(SessionState.Path.GetUnresolvedProviderPathFromPSPath(CheckpointPath), _context.Destination.Name,
                    _context.Template?.Name, SendCheckpoint.Signature(_inputColumns, firstValues));
            }
            catch (SendSetupException ex)
            {
                ThrowTerminatingError(SetupError(ex));
            }
            catch (IOException ex)
            {
                ThrowTerminatingError(ErrorRecords.Create(ex, "CheckpointUnavailable", ErrorCategory.ResourceUnavailable, CheckpointPath));
            }
            if (_checkpoint!.ConfirmedBatches > 0)
                WriteVerbose($"Resuming: {_checkpoint.ConfirmedRows:N0} rows in {_checkpoint.ConfirmedBatches} batches were confirmed before; they are skipped.");
        }

        var options = _context.Credential.ToClientOptions();
        options.Timeout = TimeSpan.FromSeconds(TimeoutSec);
        options.MaxRetries = MaxRetries;
        options.UserAgentComment = "PowerShell/" + Host.Version;
        _client = new CampaignMonitorClient(options);
        _client.Retrying += (_, e) => _retries.Enqueue(e);

        var target = $"list '{_context.Destination.ListName}' of destination '{_context.Destination.Name}'";
        var apply = ShouldProcess(target, "Send subscribers (creating the list and the custom fields the mapping needs)");
        try
        {
            _prepared = _async.Run(ct => SendSetup.PrepareAsync(_client, _context, _inputColumns, apply, ct));
        }
        catch (SendSetupException ex)
        {
            ThrowTerminatingError(SetupError(ex));
        }
        catch (CampaignMonitorException ex)
        {
            ThrowTerminatingError(ErrorRecords.FromApi(ex, _context.Destination.ListName));
        }
        WriteRetries();
        foreach (var warning in _prepared!.Warnings)
            WriteWarning(warning);
        var verb = apply ? "Created" : "Would create";
        if (_prepared.ListCreated)
            WriteVerbose($"{verb} the list '{_prepared.ListName}'{(apply ? $" ({_prepared.ListId})" : "")}.");
        foreach (var field in _prepared.FieldsCreated)
            WriteVerbose($"{verb} the custom field {field}.");
        foreach (var option in _prepared.OptionsAdded)
            WriteVerbose($"{(apply ? "Added" : "Would add")} the option {option}.");

        _piiColumns = _prepared.Plan.Columns.Where(c => c.Kind is TargetKind.EmailAddress or TargetKind.Name or TargetKind.FirstName
            or TargetKind.LastName or TargetKind.MobileNumber).ToDictionary(c => c.Source, c => c.Kind, StringComparer.OrdinalIgnoreCase);
        _reader = new RowReader(_inputColumns, _prepared.Plan.Columns.Select(c => c.Source));
        if (apply)
        {
            _sender = new ImportSender(_client, _prepared.ListId!, new ImportFlags(Resubscribe, QueueAutoresponders, RestartAutoresponders), BatchSize, MaxConcurrency);
        }
        _sync = new SubscriberSync(_prepared.Plan, _sender, _checkpoint);
    }

    protected override void EndProcessing()
    {
        if (_sender is not null)
            WaitFor(_sender.FinishAsync(_async.Token));
        Drain(final: true);
        _rejectFile?.Flush();
        var tally = _sync?.Tally ?? new SendTally();
        if (tally.Accounted != tally.Received)
            WriteWarning($"The counts do not add up: {tally.Received} rows received, {tally.Accounted} accounted for. Please report this.");
        WriteProgress(new ProgressRecord(1, "Send-CMSubscribers", "Done") { RecordType = ProgressRecordType.Completed });
        WriteObject(new SendResult
        {
            Destination = _context.Destination.Name,
            ListName = _context.Destination.ListName,
            ListId = _prepared?.ListId,
            Received = tally.Received,
            New = tally.New,
            Existing = tally.Existing,
            Duplicates = tally.Duplicates,
            Rejected = tally.Rejected,
            Failed = tally.Failed,
            Skipped = tally.Skipped,
            Batches = tally.Batches,
            Retries = _client?.RetryCount ?? 0,
            Duration = _clock.Elapsed,
            Rejects = tally.Rejects.Select(p => new SendReject(p, MaskEmail(p.EmailAddress))).ToArray(),
            WhatIf = _sync?.DryRun ?? false,
            ListCreated = _prepared?.ListCreated ?? false,
            FieldsCreated = _prepared?.FieldsCreated.ToArray() ?? Array.Empty<string>(),
            OptionsAdded = _prepared?.OptionsAdded.ToArray() ?? Array.Empty<string>(),
            RejectPath = _rejectFile is null ? null : _rejectPath,
        });
    }

    /// <summary>Waits for background work while keeping the pipeline thread busy with what has come back.</summary>
    private void WaitFor(Task task)
    {
        try
        {
            while (!task.Wait(100))
                Drain(final: false);
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Counts and reports finished batches, retries and progress. Pipeline thread only.</summary>
    private void Drain(bool final)
    {
        WriteRetries();
        if (_sender is not null && _sync is not null)
        {
            while (_sender.Completed.TryDequeue(out var outcome))
            {
                var problems = _sync.Tally.Apply(outcome);
                if (outcome.Result is not null)
                    _checkpoint?.Record(outcome.Rows.Select(r => r.RowNumber));
                var first = outcome.Rows.Count == 0 ? 0 : outcome.Rows[0].RowNumber;
                if (outcome.Result is { } result)
                {
                    WriteVerbose($"Batch {outcome.Number}: {outcome.Rows.Count} rows from row {first}: {result.TotalNewSubscribers} new, "
                        + $"{problems.Count} refused{(result.IsPartial ? " (code 210)" : "")}, in {outcome.Duration.TotalMilliseconds:0} ms.");
                }
                else if (outcome.Error is CircuitOpenException)
                {
                    // Said once, not once per batch: the rest of the input goes to -RejectPath as failed.
                    if (!_toldCircuitOpen)
                    {
                        _toldCircuitOpen = true;
                        WriteError(ErrorRecords.Create(new InvalidOperationException($"Batches from batch {outcome.Number} on were {outcome.Error.Message}."),
                            "CampaignMonitorUnavailable", ErrorCategory.ResourceUnavailable, _context.Destination.ListName));
                    }
                }
                else
                {
                    var message = outcome.Cancelled
                        ? $"Batch {outcome.Number} ({outcome.Rows.Count} rows from row {first}) was not confirmed before the send was stopped."
                        : $"Batch {outcome.Number} ({outcome.Rows.Count} rows from row {first}) could not be delivered: {MaskText(outcome.Error?.Message)}";
                    WriteError(ErrorRecords.Create(new InvalidOperationException(message), "BatchNotDelivered", ErrorCategory.ConnectionError, $"Batch {outcome.Number}"));
                }
                foreach (var problem in problems)
                    Report(problem, writeError: !problem.Failed);
                _rejectFile?.Flush();
            }
        }
        var now = _clock.Elapsed;
        if (_sync is not null && !final && now - _lastProgress >= ProgressEvery && now > TimeSpan.FromSeconds(1))
        {
            _lastProgress = now;
            var tally = _sync.Tally;
            var done = tally.New + tally.Existing + tally.Duplicates;
            var rate = done / Math.Max(0.001, now.TotalSeconds);
            WriteProgress(new ProgressRecord(1, $"Send-CMSubscribers to '{_context.Destination.ListName}'",
                $"{done:N0} rows sent, {rate:N0} rows/s, {tally.Rejected:N0} rejected, {tally.Failed:N0} failed, {tally.Received:N0} read"));
        }
    }

    private void WriteRetries()
    {
        while (_retries.TryDequeue(out var retry))
            WriteVerbose(retry.ToString());
    }

    /// <summary>A row that will not be imported: a non-terminating error (target: the row), and a line in -RejectPath.</summary>
    private void Report(RowProblem problem, bool writeError = true)
    {
        var email = MaskEmail(problem.EmailAddress);
        var where = problem.Column is null ? "" : $", column '{problem.Column}'";
        var message = problem.Failed
            ? $"Row {problem.RowNumber} ({email}) was not delivered: {MaskText(problem.Reason)}"
            : char.IsDigit(problem.Code[0])
                ? $"Row {problem.RowNumber} ({email}): Campaign Monitor refused it (code {problem.Code}: {MaskText(problem.Reason)})."
                : $"Row {problem.RowNumber} ({email}){where}: {problem.Reason}.";
        if (writeError)
        {
            var record = ErrorRecords.Create(new InvalidDataException(message), problem.Failed ? "SubscriberNotDelivered" : "SubscriberRejected",
                ErrorCategory.InvalidData, _masked ? MaskRow(problem.Source) : problem.Source is RowSnapshot snapshot ? snapshot.ToPSObject() : problem.Source);
            WriteError(record);
        }
        if (_rejectPath is not null)
        {
            _rejectFile ??= new RejectFile(_rejectPath, _inputColumns);
            _rejectFile.Write(_rejectFile.Columns.Zip(ColumnTexts(problem.Source), MaskColumn), problem.Code, MaskText(problem.Reason));
        }
    }

    private string MaskEmail(string email) => _masked ? PiiMask.Email(email) : email;

    private string MaskText(string? text) => _masked ? PiiMask.EmailsIn(text) : text ?? "";

    private string? MaskColumn(string column, string? value)
    {
        if (!_masked || value is null || !_piiColumns.TryGetValue(column, out var kind))
            return value;
        return kind switch
        {
            TargetKind.EmailAddress => PiiMask.Email(value),
            TargetKind.MobileNumber => PiiMask.Phone(value),
            _ => PiiMask.Name(value),
        };
    }

    /// <summary>
    /// The input columns of a reported row, as text in their order: from the row itself (refused by our checks) or
    /// from what a sent row kept of it.
    /// </summary>
    private IEnumerable<string?> ColumnTexts(object? source) =>
        source is RowSnapshot snapshot ? snapshot.Texts() : _inputColumns.Select(c => RowReader.Text(source as PSObject, c));

    /// <summary>The row as an error's target in a restricted session: the same columns, PII masked.</summary>
    private PSObject? MaskRow(object? source)
    {
        if (source is not (RowSnapshot or PSObject))
            return null;
        var masked = new PSObject();
        foreach (var (column, text) in _inputColumns.Zip(ColumnTexts(source)))
            masked.Properties.Add(new PSNoteProperty(column, MaskColumn(column, text)));
        return masked;
    }

    private static ErrorRecord SetupError(SendSetupException ex) => ErrorRecords.Create(ex, ex.Code, ex.Code switch
    {
        "NotAllowed" => ErrorCategory.PermissionDenied,
        "NoEmailColumn" => ErrorCategory.InvalidData,
        _ => ErrorCategory.InvalidOperation,
    }, null);

    protected override void StopProcessing()
    {
        _async.Stop();
        _sender?.Stop();
        if (_verbose && _sync is not null)
        {
            // The pipeline is stopping, so its streams are closed: tell the host directly what was confirmed.
            var tally = _sync.Tally;
            Host.UI.WriteVerboseLine($"Send-CMSubscribers stopped after {tally.Received:N0} rows read: {tally.New + tally.Existing + tally.Duplicates:N0} confirmed imported "
                + $"in {tally.Batches} batches, {tally.Rejected:N0} rejected; batches in flight were cancelled and may or may not have been applied.");
        }
    }

    public void Dispose()
    {
        _rejectFile?.Dispose();
        _checkpoint?.Dispose();
        _sender?.Dispose();
        _client?.Dispose();
        _async.Dispose();
    }
}
