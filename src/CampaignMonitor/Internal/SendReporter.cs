using System.Management.Automation;
using CampaignMonitor.Core.Privacy;
using CampaignMonitor.Core.Send;
using CampaignMonitor.Core.Send.Events;
using CampaignMonitor.Errors;

namespace CampaignMonitor.Internal;

/// <summary>
/// Turns a send's events into what PowerShell shows: verbose lines per batch, errors per refused row or failed
/// batch, and the -RejectPath lines, masked for a restricted-PII session. Pipeline thread only.
/// </summary>
internal sealed class SendReporter : IDisposable
{
    private readonly Cmdlet _cmdlet;
    private readonly PiiMasker _masker;
    private readonly string? _rejectPath;
    private readonly string _listName;
    private RowPlan? _plan;
    private RejectFile? _rejectFile;
    private bool _unflushed;

    public SendReporter(Cmdlet cmdlet, PiiMasker masker, string? rejectPath, string listName)
    {
        _cmdlet = cmdlet;
        _masker = masker;
        _rejectPath = rejectPath;
        _listName = listName;
    }

    /// <summary>The reject file, once a row was written to it.</summary>
    public string? RejectPath => _rejectFile is null ? null : _rejectPath;

    /// <summary>
    /// Once the list is ready (at the first row): says what preparing it found and did; from then on the plan says
    /// which columns a row has and which hold personal data.
    /// </summary>
    public void Start(PreparedList prepared, bool applied)
    {
        _plan = prepared.Plan;
        foreach (var warning in prepared.Warnings)
            _cmdlet.WriteWarning(warning);
        var verb = applied ? "Created" : "Would create";
        if (prepared.ListCreated)
            _cmdlet.WriteVerbose($"{verb} the list '{prepared.ListName}'{(applied ? $" ({prepared.ListId})" : "")}.");
        foreach (var field in prepared.FieldsCreated)
            _cmdlet.WriteVerbose($"{verb} the custom field {field}.");
        foreach (var option in prepared.OptionsAdded)
            _cmdlet.WriteVerbose($"{(applied ? "Added" : "Would add")} the option {option}.");
    }

    /// <summary>A checkpoint that had batches confirmed before: they are skipped.</summary>
    public void Resuming(SendCheckpoint checkpoint)
    {
        if (checkpoint.ConfirmedBatches > 0)
            _cmdlet.WriteVerbose($"Resuming: {checkpoint.ConfirmedRows:N0} rows in {checkpoint.ConfirmedBatches} batches were confirmed before; they are skipped.");
    }

    /// <summary>The end of a send: the progress bar goes, and counts that do not add up (a bug) are said.</summary>
    public void Finished(SendSummary? summary)
    {
        if (summary is not null && summary.Accounted != summary.Received)
            _cmdlet.WriteWarning($"The counts do not add up: {summary.Received} rows received, {summary.Accounted} accounted for. Please report this.");
        _cmdlet.WriteProgress(new ProgressRecord(1, "Send-CMSubscribers", "Done") { RecordType = ProgressRecordType.Completed });
    }

    /// <summary>Where a send has got to, for the progress bar.</summary>
    public static ProgressRecord Progress(string listName, SendSummary summary, TimeSpan elapsed) =>
        new(1, $"Send-CMSubscribers to '{listName}'", $"{summary.Imported:N0} rows sent, {summary.Imported / Math.Max(0.001, elapsed.TotalSeconds):N0} rows/s, "
            + $"{summary.Rejected:N0} rejected, {summary.Failed:N0} failed, {summary.Received:N0} read");

    /// <summary>What a stopped send tells the host: what was confirmed, and that batches in flight are uncertain.</summary>
    public static string StoppedMessage(SendSummary summary) =>
        $"Send-CMSubscribers stopped after {summary.Received:N0} rows read: {summary.Imported:N0} confirmed imported in {summary.Batches} batches, "
        + $"{summary.Rejected:N0} rejected; batches in flight were cancelled and may or may not have been applied.";

    public void Report(SendEvent sendEvent)
    {
        switch (sendEvent)
        {
            case RowRejected { Rejection: var rejection }:
                Report(rejection);
                break;
            case BatchConfirmed b:
                _cmdlet.WriteVerbose($"Batch {b.Number}: {b.Rows} rows from row {b.FirstRow}: {b.NewSubscribers} new, "
                    + $"{b.Refused} refused{(b.Partial ? " (code 210)" : "")}, in {b.Duration.TotalMilliseconds:0} ms.");
                break;
            case CircuitOpened open:
                _cmdlet.WriteError(ErrorFunnel.Create(new InvalidOperationException($"Batches from batch {open.FromBatch} on were {open.Reason}."),
                    "CampaignMonitorUnavailable", ErrorCategory.ResourceUnavailable, _listName));
                break;
            case BatchFailed failed:
                var message = failed.Stopped
                    ? $"Batch {failed.Number} ({failed.Rows} rows from row {failed.FirstRow}) was not confirmed before the send was stopped."
                    : $"Batch {failed.Number} ({failed.Rows} rows from row {failed.FirstRow}) could not be delivered: {_masker.Text(failed.Reason)}";
                _cmdlet.WriteError(ErrorFunnel.Create(new InvalidOperationException(message), "BatchNotDelivered", ErrorCategory.ConnectionError, $"Batch {failed.Number}"));
                break;
        }
    }

    /// <summary>Puts what was written to the reject file on disk.</summary>
    public void Flush()
    {
        if (_unflushed)
            _rejectFile?.Flush();
        _unflushed = false;
    }

    /// <summary>A row that will not be imported: a non-terminating error (target: the row) unless undelivered, and a line in -RejectPath.</summary>
    private void Report(RowRejection rejection)
    {
        var email = _masker.Email(rejection.EmailAddress);
        if (!rejection.NotDelivered)
        {
            var message = rejection.Origin == RejectOrigin.Api
                ? $"Row {rejection.RowNumber} ({email}): Campaign Monitor refused it (code {rejection.Code}: {_masker.Text(rejection.Reason)})."
                : $"Row {rejection.RowNumber} ({email}){(rejection.Column is null ? "" : $", column '{rejection.Column}'")}: {rejection.Reason}.";
            _cmdlet.WriteError(ErrorFunnel.Create(new InvalidDataException(message), "SubscriberRejected", ErrorCategory.InvalidData, RowObject(rejection.Row)));
        }
        if (_rejectPath is not null && _plan is not null)
        {
            _rejectFile ??= new RejectFile(_rejectPath, _plan.InputColumns);
            _rejectFile.Write(ColumnTexts(rejection.Row), rejection.Code, _masker.Text(rejection.Reason));
            _unflushed = true;
        }
    }

    /// <summary>The row's input columns as text, in order, masked as the session needs.</summary>
    private IEnumerable<string?> ColumnTexts(RowValues row)
    {
        for (var i = 0; i < _plan!.InputColumns.Count; i++)
            yield return _masker.Value(_plan.TargetOf(_plan.InputColumns[i]), RowReader.AsText(row[i]));
    }

    /// <summary>The row again as an object with the input's columns (an error's target); text, masked, in a restricted session.</summary>
    private PSObject RowObject(RowValues row)
    {
        var result = new PSObject();
        var columns = _plan!.InputColumns;
        for (var i = 0; i < columns.Count; i++)
        {
            var value = _masker.Masks ? _masker.Value(_plan.TargetOf(columns[i]), RowReader.AsText(row[i])) : row[i];
            result.Properties.Add(new PSNoteProperty(columns[i], value));
        }
        return result;
    }

    public void Dispose() => _rejectFile?.Dispose();
}
