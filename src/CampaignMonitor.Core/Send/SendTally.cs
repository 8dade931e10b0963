using System.Globalization;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// The counts of one send, owned by its <see cref="SendEngine"/> and changed only on the caller's thread: from each
/// row it accepts and each batch outcome it takes back. Keeps the first <see cref="KeptRejects"/> rejections.
/// </summary>
internal sealed class SendTally
{
    public const int KeptRejects = 1000;
    private readonly List<RowRejection> _rejects = new();
    private readonly Dictionary<string, long> _rejectedByCode = new(StringComparer.Ordinal);

    public long Received { get; set; }
    public long New { get; private set; }
    public long Existing { get; private set; }
    public long Duplicates { get; set; }
    public long Rejected { get; private set; }
    public long Failed { get; private set; }
    public long Skipped { get; set; }
    public long WouldSend { get; set; }
    public long Unchanged { get; set; }
    public int Batches { get; private set; }

    public SendSummary Summary(bool dryRun, bool circuitOpened)
    {
        Dictionary<string, long> byCode;
        lock (_rejectedByCode)
            byCode = new Dictionary<string, long>(_rejectedByCode, StringComparer.Ordinal);
        return new(Received, New, Existing, Duplicates, Rejected, Failed, Skipped, Unchanged, WouldSend, Batches, _rejects.ToArray(), byCode, dryRun, circuitOpened);
    }

    /// <summary>A row refused by our own checks, before any API call.</summary>
    public RowRejection Refuse(long rowNumber, string email, Refusal refusal, RowValues row)
    {
        Rejected++;
        return Keep(new RowRejection(rowNumber, email, refusal.Column, refusal.Code, refusal.Reason, RejectOrigin.Check, row));
    }

    /// <summary>Counts a batch's rows from the API's answer (or its failure); returns the rows that were not imported.</summary>
    public List<RowRejection> Apply(BatchOutcome outcome)
    {
        var rejections = new List<RowRejection>();
        if (outcome.Result is not { } result)
        {
            var origin = outcome.Cancelled ? RejectOrigin.Stopped : RejectOrigin.Delivery;
            var reason = outcome.Cancelled ? "the send was stopped before this batch was confirmed" : outcome.Error?.Message ?? "not delivered";
            foreach (var row in outcome.Rows)
                rejections.Add(Keep(new RowRejection(row.RowNumber, row.EmailAddress, null, outcome.Cancelled ? "Stopped" : "NotDelivered", reason, origin, row.Row)));
            Failed += outcome.Rows.Count;
            return rejections;
        }
        Batches++;
        var refused = new Dictionary<string, ImportFailure>(StringComparer.OrdinalIgnoreCase);
        foreach (var failure in result.FailureDetails)
            refused.TryAdd(failure.EmailAddress.Trim(), failure);
        var imported = 0;
        var duplicates = 0;
        foreach (var row in outcome.Rows)
        {
            if (refused.TryGetValue(row.EmailAddress, out var failure))
            {
                rejections.Add(Keep(new RowRejection(row.RowNumber, row.EmailAddress, null, failure.Code.ToString(CultureInfo.InvariantCulture),
                    failure.Message, RejectOrigin.Api, row.Row)));
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
        Rejected += rejections.Count;
        return rejections;
    }

    private RowRejection Keep(RowRejection rejection)
    {
        if (_rejects.Count < KeptRejects)
            _rejects.Add(rejection);
        if (!rejection.NotDelivered)
        {
            // Read by another thread when a send is stopped.
            lock (_rejectedByCode)
                _rejectedByCode[rejection.Code] = _rejectedByCode.GetValueOrDefault(rejection.Code) + 1;
        }
        return rejection;
    }
}
