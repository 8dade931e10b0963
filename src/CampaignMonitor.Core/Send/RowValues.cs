namespace CampaignMonitor.Core.Send;

/// <summary>
/// One input row as plain .NET values, read once by the host in the order of <see cref="RowPlan.ReadColumns"/>:
/// the input's own columns first, then any mapped column the first row did not have. A row waiting in a batch keeps
/// this (a few references), never the host's object.
/// </summary>
internal sealed class RowValues
{
    private readonly object?[] _values;

    public RowValues(object?[] values) => _values = values ?? throw new ArgumentNullException(nameof(values));

    public int Count => _values.Length;

    public object? this[int index] => _values[index];

    /// <summary>Why the row cannot be sent whatever its values hold (a CSV line read wrongly); null for a row read well.</summary>
    public Refusal? Problem { get; init; }
}
