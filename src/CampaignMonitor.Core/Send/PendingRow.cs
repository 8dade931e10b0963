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
        EmailAddress = record.EmailAddress;
        Fingerprint = EmailRule.Fingerprint(record.EmailAddress);
    }

    public long RowNumber { get; }

    /// <summary>What the row sends; null once its batch's body was written (<see cref="Serialized"/>).</summary>
    public SubscriberRecord? Record { get; private set; }

    public string EmailAddress { get; }
    public RowValues Row { get; }
    public ulong Fingerprint { get; }

    /// <summary>An earlier row of the input had the same email address.</summary>
    public bool IsDuplicate { get; set; }

    /// <summary>
    /// The batch's body holds the row now: the record is let go, so a row waiting for its answer keeps only its input
    /// values (the fewer objects live in a batch in flight, the fewer each garbage collection promotes).
    /// </summary>
    public void Serialized() => Record = null;

    /// <summary>With -Incremental: the fingerprint of the values the row sends.</summary>
    public ulong ValuesFingerprint { get; set; }
}
