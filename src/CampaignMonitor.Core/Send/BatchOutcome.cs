using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Send;

/// <summary>What became of one batch, as the sender hands it back to the engine.</summary>
internal sealed class BatchOutcome
{
    public BatchOutcome(int number, IReadOnlyList<PendingRow> rows)
    {
        Number = number;
        Rows = rows;
    }

    public int Number { get; }
    public IReadOnlyList<PendingRow> Rows { get; }
    /// <summary>The API's answer (a partial import included); null when the batch was not delivered.</summary>
    public ImportResult? Result { get; set; }
    /// <summary>Why the batch could not be delivered at all.</summary>
    public Exception? Error { get; set; }
    public bool Cancelled { get; set; }
    public TimeSpan Duration { get; set; }

    /// <summary>The rows' values while the batch was in flight; released once the batch is counted.</summary>
    public BatchTexts? Texts { get; set; }

    /// <summary>The input position of the batch's first row.</summary>
    public long FirstRow => Rows.Count == 0 ? 0 : Rows[0].RowNumber;
}
