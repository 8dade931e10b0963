using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Send;

/// <summary>A valid row waiting in a batch, with the values it was read from (for the reject file and error targets).</summary>
internal sealed class PendingRow
{
    public PendingRow(long rowNumber, SubscriberRecord record, RowValues row)
    {
        RowNumber = rowNumber;
        Record = record;
        Row = row;
        Fingerprint = EmailRule.Fingerprint(record.EmailAddress);
    }

    public long RowNumber { get; }
    public SubscriberRecord Record { get; }
    public RowValues Row { get; }
    public ulong Fingerprint { get; }

    /// <summary>An earlier row of the input had the same email address.</summary>
    public bool IsDuplicate { get; set; }

    /// <summary>With -Incremental: the fingerprint of the values the row sends.</summary>
    public ulong ValuesFingerprint { get; set; }
}
