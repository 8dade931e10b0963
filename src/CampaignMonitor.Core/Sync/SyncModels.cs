using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Sync;

/// <summary>The import switches of a send.</summary>
public sealed record ImportFlags(bool Resubscribe, bool QueueAutoresponders, bool RestartAutoresponders);

/// <summary>A valid row waiting to be sent, with the input object it came from (for error targets and the reject file).</summary>
public sealed class PendingRow
{
    public PendingRow(long rowNumber, SubscriberRecord record, object? source)
    {
        RowNumber = rowNumber;
        Record = record;
        Source = source;
        Fingerprint = EmailRule.Fingerprint(record.EmailAddress);
    }

    public long RowNumber { get; }
    public SubscriberRecord Record { get; }
    public object? Source { get; }
    public ulong Fingerprint { get; }

    /// <summary>An earlier row of the input had the same email address.</summary>
    public bool IsDuplicate { get; set; }
}

/// <summary>One row that was not imported: rejected (by our checks or the API) or not delivered.</summary>
public sealed record RowProblem(long RowNumber, string EmailAddress, string? Column, string Code, string Reason, object? Source, bool Failed);

/// <summary>What became of one batch.</summary>
public sealed class BatchOutcome
{
    public BatchOutcome(int number, IReadOnlyList<PendingRow> rows) { Number = number; Rows = rows; }

    public int Number { get; }
    public IReadOnlyList<PendingRow> Rows { get; }
    public ImportResult? Result { get; set; }
    /// <summary>Why the batch could not be delivered at all.</summary>
    public Exception? Error { get; set; }
    public bool Cancelled { get; set; }
    public TimeSpan Duration { get; set; }
}

/// <summary>
/// The send's counts, owned by the pipeline thread. Always Received = New + Existing + Duplicates + Rejected + Failed
/// + Skipped once every batch has come back.
/// </summary>
public sealed class SendTally
{
    public const int KeptRejects = 1000;

    public long Received { get; set; }
    public long New { get; set; }
    public long Existing { get; set; }
    public long Duplicates { get; set; }
    public long Rejected { get; set; }
    public long Failed { get; set; }
    public long Skipped { get; set; }
    public int Batches { get; set; }
    public List<RowProblem> Rejects { get; } = new();

    public long Accounted => New + Existing + Duplicates + Rejected + Failed + Skipped;

    internal void Keep(RowProblem problem)
    {
        if (Rejects.Count < KeptRejects)
            Rejects.Add(problem);
    }

    /// <summary>Counts a batch's rows from the API's answer (or its failure); returns the rows that were not imported.</summary>
    public List<RowProblem> Apply(BatchOutcome outcome)
    {
        var problems = new List<RowProblem>();
        if (outcome.Result is not { } result)
        {
            var reason = outcome.Cancelled ? "the send was stopped before this batch was confirmed" : outcome.Error?.Message ?? "not delivered";
            foreach (var row in outcome.Rows)
                problems.Add(new RowProblem(row.RowNumber, row.Record.EmailAddress, null, outcome.Cancelled ? "Stopped" : "NotDelivered", reason, row.Source, Failed: true));
            Failed += outcome.Rows.Count;
            problems.ForEach(Keep);
            return problems;
        }
        Batches++;
        var refused = new Dictionary<string, ImportFailure>(StringComparer.OrdinalIgnoreCase);
        foreach (var failure in result.FailureDetails)
            refused.TryAdd(failure.EmailAddress.Trim(), failure);
        var imported = 0;
        var duplicates = 0;
        foreach (var row in outcome.Rows)
        {
            if (refused.TryGetValue(row.Record.EmailAddress, out var failure))
            {
                problems.Add(new RowProblem(row.RowNumber, row.Record.EmailAddress, null, failure.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Message, row.Source, Failed: false));
                continue;
            }
            imported++;
            if (row.IsDuplicate)
                duplicates++;
        }
        // The API counts unique addresses; rows that repeat an earlier row's address are ours to count as duplicates.
        var created = Math.Min(result.TotalNewSubscribers, imported);
        var repeated = Math.Min(duplicates, imported - created);
        New += created;
        Duplicates += repeated;
        Existing += imported - created - repeated;
        Rejected += problems.Count;
        problems.ForEach(Keep);
        return problems;
    }

    /// <summary>A row refused by our own checks, before any API call.</summary>
    public RowProblem RejectLocally(long rowNumber, string email, RowReject reject, object? source)
    {
        var problem = new RowProblem(rowNumber, email, reject.Column, reject.Code, reject.Reason, source, Failed: false);
        Rejected++;
        Keep(problem);
        return problem;
    }
}
