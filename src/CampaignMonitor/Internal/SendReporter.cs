using System.Management.Automation;
using CampaignMonitor.Core.Privacy;
using CampaignMonitor.Core.Send;
using CampaignMonitor.Core.Send.Mirror;
using CampaignMonitor.Core.Send.Events;
using CampaignMonitor.Errors;

namespace CampaignMonitor.Internal;

/// <summary>
/// Turns a send's events into what PowerShell shows, masked for a restricted-PII session. Rejects are data, not
/// errors: each is a verbose line and a -RejectPath line, and one warning sums them up at the end; rows that could
/// not be delivered make one error, after the result. Pipeline thread only.
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

    /// <summary>The reject file, once the send has started.</summary>
    public string? RejectPath => _rejectFile is null ? null : _rejectPath;

    /// <summary>
    /// Once the list is ready (at the first row): says what preparing it found and did, and (re)creates the reject
    /// file with its header. From then on the plan says which columns a row has and which hold personal data.
    /// </summary>
    public void Start(PreparedList prepared, bool applied)
    {
        _plan = prepared.Plan;
        foreach (var warning in prepared.Warnings)
            _cmdlet.WriteWarning(warning);
        foreach (var note in prepared.Notes)
            _cmdlet.WriteVerbose(note);
        var verb = applied ? "Created" : "Would create";
        if (prepared.ListCreated)
            _cmdlet.WriteVerbose($"{verb} the list '{prepared.ListName}'{(applied ? $" ({prepared.ListId})" : "")}.");
        foreach (var field in prepared.FieldsCreated)
            _cmdlet.WriteVerbose($"{verb} the custom field {field}.");
        foreach (var option in prepared.OptionsAdded)
            _cmdlet.WriteVerbose($"{(applied ? "Added" : "Would add")} the option {option}.");
        if (_rejectPath is not null)
            _rejectFile = new RejectFile(_rejectPath, _plan.InputColumns);
    }

    /// <summary>A checkpoint that had batches confirmed before: they are skipped.</summary>
    public void Resuming(SendCheckpoint checkpoint)
    {
        if (checkpoint.ConfirmedBatches > 0)
            _cmdlet.WriteVerbose($"Resuming: {checkpoint.ConfirmedRows:N0} rows in {checkpoint.ConfirmedBatches} batches were confirmed before; rows at those positions with the same addresses are skipped.");
    }

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
                _cmdlet.WriteVerbose($"Batches from batch {open.FromBatch} on were {open.Reason}.");
                break;
            case BatchFailed failed:
                _cmdlet.WriteVerbose(failed.Stopped
                    ? $"Batch {failed.Number} ({failed.Rows} rows from row {failed.FirstRow}) was not confirmed before the send was stopped."
                    : $"Batch {failed.Number} ({failed.Rows} rows from row {failed.FirstRow}) could not be delivered: {_masker.Text(failed.Reason)}");
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

    /// <summary>
    /// The end of a send, before its result: the progress bar goes, one warning sums up the rejected rows by code,
    /// and counts that do not add up (a bug) are said.
    /// </summary>
    public void Finished(SendSummary? summary)
    {
        Flush();
        _cmdlet.WriteProgress(new ProgressRecord(1, "Send-CMSubscribers", "Done") { RecordType = ProgressRecordType.Completed });
        if (summary is null)
            return;
        if (summary.Accounted != summary.Received)
            _cmdlet.WriteWarning($"The counts do not add up: {summary.Received} rows received, {summary.Accounted} accounted for. Please report this.");
        if (summary.Rejected > 0)
        {
            var codes = summary.RejectedByCode.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value:N0} {c.Key}");
            _cmdlet.WriteWarning($"{summary.Rejected:N0} row{(summary.Rejected == 1 ? "" : "s")} rejected: {string.Join(", ", codes)}; "
                + (RejectPath is null ? "see the result's Rejects (or give -RejectPath for a file of them all)." : $"see '{RejectPath}' or the result's Rejects."));
        }
    }

    /// <summary>The one error a send ends with, after its result, when rows could not be delivered; null when all were.</summary>
    public ErrorRecord? NotDelivered(SendSummary? summary)
    {
        if (summary is null || (summary.Failed == 0 && !summary.CircuitOpened))
            return null;
        var why = summary.CircuitOpened ? " (batches kept failing, so Campaign Monitor was taken to be unavailable and the rest was not tried)" : "";
        var where = RejectPath is null
            ? "The result's Rejects lists them (the first 1000); give -RejectPath to keep them all."
            : $"They are in '{RejectPath}' with the code NotDelivered, ready to send again.";
        var message = $"{summary.Failed:N0} of {summary.Received:N0} rows could not be delivered to the list '{_listName}'{why}; "
            + $"{summary.Imported:N0} were imported and {summary.Rejected:N0} rejected. {where}";
        return ErrorFunnel.Create(new InvalidOperationException(message), "SubscribersNotDelivered", ErrorCategory.ConnectionError, _listName);
    }

    /// <summary>The one error, after the result, for members -Mirror could not remove (null when it removed all it meant to).</summary>
    public ErrorRecord? NotRemoved(MirrorReport mirror)
    {
        if (mirror.RemoveFailed == 0)
            return null;
        var first = mirror.Failures[0];
        var message = $"{mirror.RemoveFailed:N0} members who are not in the input could not be removed from the list '{_listName}' "
            + $"({mirror.Removed:N0} were); the first, {_masker.Email(first.EmailAddress)}: {first.Reason}. The next -Mirror send tries them again.";
        return ErrorFunnel.Create(new InvalidOperationException(message), "MembersNotRemoved", ErrorCategory.ConnectionError, _listName);
    }

    /// <summary>Where a send has got to, for the progress bar.</summary>
    public static ProgressRecord Progress(string listName, SendSummary summary, TimeSpan elapsed) =>
        new(1, $"Send-CMSubscribers to '{listName}'", $"{summary.Imported:N0} rows sent, {summary.Imported / Math.Max(0.001, elapsed.TotalSeconds):N0} rows/s, "
            + $"{summary.Rejected:N0} rejected, {summary.Failed:N0} failed, {summary.Received:N0} read");

    /// <summary>What a stopped send tells the host: what was confirmed, and that batches in flight are uncertain.</summary>
    public static string StoppedMessage(SendSummary summary) =>
        $"Send-CMSubscribers stopped after {summary.Received:N0} rows read: {summary.Imported:N0} confirmed imported in {summary.Batches} batches, "
        + $"{summary.Rejected:N0} rejected; batches in flight were cancelled and may or may not have been applied.";

    /// <summary>A row that will not be imported: a verbose line (never an error: rejects are data) and a line in -RejectPath.</summary>
    private void Report(RowRejection rejection)
    {
        var email = _masker.Email(rejection.EmailAddress);
        var message = rejection.Origin switch
        {
            RejectOrigin.Api => $"Row {rejection.RowNumber} ({email}): Campaign Monitor refused it (code {rejection.Code}: {_masker.Text(rejection.Reason)}).",
            RejectOrigin.Check => $"Row {rejection.RowNumber} ({email}){(rejection.Column is null ? "" : $", column '{rejection.Column}'")}: {rejection.Reason}.",
            _ => $"Row {rejection.RowNumber} ({email}) was not delivered: {_masker.Text(rejection.Reason)}",
        };
        _cmdlet.WriteVerbose(message);
        if (_rejectFile is not null)
        {
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

    public void Dispose() => _rejectFile?.Dispose();
}
