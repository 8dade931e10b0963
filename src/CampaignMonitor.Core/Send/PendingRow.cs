using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Send;

/// <summary>A valid row waiting in a batch, with the values it was read from (for the reject file and error targets).</summary>
internal sealed class PendingRow
{
    private RowValues? _row;
    private BatchTexts? _packed;
    private int _packedAt;

    public PendingRow(long rowNumber, SubscriberRecord record, RowValues row)
    {
        RowNumber = rowNumber;
        Record = record;
        _row = row;
        EmailAddress = record.EmailAddress;
        Fingerprint = EmailRule.Fingerprint(record.EmailAddress);
    }

    public long RowNumber { get; }

    /// <summary>What the row sends; null once its batch's body was written (<see cref="Serialized"/>).</summary>
    public SubscriberRecord? Record { get; private set; }

    public string EmailAddress { get; }
    /// <summary>The values the row was read from (once its batch is in flight, its input columns, from <see cref="BatchTexts"/>).</summary>
    public RowValues Row => _row ?? _packed!.Values(_packedAt);

    /// <summary>The row's values are kept in its batch's <paramref name="texts"/> from now on.</summary>
    public void PackedInto(BatchTexts texts, int at)
    {
        _packed = texts;
        _packedAt = at;
        _row = null;
    }
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
