using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// The mapping of input columns to a subscriber, resolved once before the first row (so the per-row work is an
/// array walk, not a search) and applied to each row's <see cref="RowValues"/>, read in <see cref="ReadColumns"/> order.
/// </summary>
internal sealed class RowPlan
{
    private readonly int[] _valueIndex;

    /// <summary>A plan whose input columns are exactly its targets' sources, in order.</summary>
    public RowPlan(IReadOnlyList<ColumnTarget> targets, string defaultConsent)
        : this(targets.Select(t => t.Source).ToList(), targets, defaultConsent)
    {
    }

    /// <param name="inputColumns">The columns of the input (its first row), in the order the user sees them.</param>
    /// <param name="targets">The mapped columns and where each goes.</param>
    /// <param name="defaultConsent">The ConsentToTrack of rows that give none.</param>
    public RowPlan(IReadOnlyList<string> inputColumns, IReadOnlyList<ColumnTarget> targets, string defaultConsent)
    {
        Targets = targets;
        DefaultConsent = defaultConsent;
        InputColumns = inputColumns;
        EmailIndex = targets.ToList().FindIndex(c => c.Kind == TargetKind.EmailAddress);
        if (EmailIndex < 0)
            throw new ArgumentException("A plan needs an email column.", nameof(targets));
        var read = inputColumns.ToList();
        _valueIndex = new int[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            var at = read.FindIndex(c => string.Equals(c, targets[i].Source, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                // Mapped but not among the first row's columns: read it too, after the input columns.
                at = read.Count;
                read.Add(targets[i].Source);
            }
            _valueIndex[i] = at;
        }
        ReadColumns = read;
    }

    /// <summary>The input's own columns: what a reject file and an error's target show of a row.</summary>
    public IReadOnlyList<string> InputColumns { get; }

    /// <summary>The columns to read from every row, in the order <see cref="RowValues"/> holds them.</summary>
    public IReadOnlyList<string> ReadColumns { get; }

    /// <summary>The mapped columns and where each one goes.</summary>
    public IReadOnlyList<ColumnTarget> Targets { get; }

    /// <summary>Where the email address is among <see cref="Targets"/>.</summary>
    public int EmailIndex { get; }

    /// <summary>The ConsentToTrack for rows that do not give one.</summary>
    public string DefaultConsent { get; }

    /// <summary>The row's email address as given (trimmed), or "" when it holds no single value.</summary>
    public string EmailOf(RowValues row)
    {
        var value = row[_valueIndex[EmailIndex]];
        return InputValue.IsScalar(value) ? InputValue.Text(value).Trim() : "";
    }

    /// <summary>The target an input column feeds, or null when it is not mapped.</summary>
    public ColumnTarget? TargetOf(string inputColumn) =>
        Targets.FirstOrDefault(t => string.Equals(t.Source, inputColumn, StringComparison.OrdinalIgnoreCase));

    public MappedRow Map(RowValues row)
    {
        if (row.Problem is { } problem)
            return new MappedRow(null, problem);
        var record = new SubscriberRecord { ConsentToTrack = DefaultConsent };
        string? first = null, last = null;
        List<SubscriberCustomField>? fields = null;
        for (var i = 0; i < Targets.Count; i++)
        {
            var column = Targets[i];
            var value = row[_valueIndex[i]];
            if (value is UnreadableValue unreadable)
                return Refuse(column.Source, "UnreadableValue", $"could not be read: {unreadable.Reason}");
            if (column.Kind == TargetKind.CustomField)
            {
                fields ??= new List<SubscriberCustomField>(Targets.Count);
                if (column.Rule!.Write(value, fields) is { } refusal)
                    return Refuse(column.Source, refusal.Code, refusal.Reason);
                continue;
            }
            if (InputValue.IsEmpty(value))
                continue;
            if (!InputValue.IsScalar(value))
                return Refuse(column.Source, "NotAValue", $"holds {InputValue.Describe(value)}, not one value");
            var text = InputValue.Text(value);
            if (text.Length > FieldRule.MaxLength)
                return Refuse(column.Source, "TooLong", $"is {text.Length} characters long; Campaign Monitor takes at most {FieldRule.MaxLength}");
            switch (column.Kind)
            {
                case TargetKind.EmailAddress:
                    record.EmailAddress = text.Trim();
                    break;
                case TargetKind.Name:
                    record.Name = text.Trim();
                    break;
                case TargetKind.FirstName:
                    first = text.Trim();
                    break;
                case TargetKind.LastName:
                    last = text.Trim();
                    break;
                case TargetKind.MobileNumber:
                    record.MobileNumber = text.Trim();
                    break;
                case TargetKind.ConsentToTrack:
                    var consent = ConsentValues.Normalize(text);
                    if (consent is null)
                        return Refuse(column.Source, "InvalidConsent", $"'{text}' is not a ConsentToTrack value (Yes, No or Unchanged)");
                    record.ConsentToTrack = consent;
                    break;
                case TargetKind.ConsentToSendSms:
                    record.ConsentToSendSms = ConsentValues.Normalize(text);
                    if (record.ConsentToSendSms is null)
                        return Refuse(column.Source, "InvalidConsent", $"'{text}' is not a ConsentToSendSms value (Yes, No or Unchanged)");
                    break;
            }
        }
        if (record.Name is null && (first is not null || last is not null))
        {
            record.Name = $"{first} {last}".Trim();
            if (record.Name.Length > FieldRule.MaxLength)
                return Refuse("FirstName/LastName", "TooLong", $"the name is {record.Name.Length} characters long; Campaign Monitor takes at most {FieldRule.MaxLength}");
        }
        var emailColumn = Targets[EmailIndex].Source;
        if (record.EmailAddress.Length == 0)
            return Refuse(emailColumn, "NoEmail", "has no email address");
        if (record.EmailAddress.Contains('\uFFFD'))
        {
            return Refuse(emailColumn, "WrongEncoding",
                "holds U+FFFD (�) where a character could not be decoded: the file was read with the wrong encoding; read it again with its own, e.g. Import-Csv -Encoding Latin1 (Windows-1252) or -Encoding UTF8");
        }
        if (!EmailRule.IsWellFormed(record.EmailAddress))
            return Refuse(emailColumn, "InvalidEmail", "is not a well-formed email address");
        if (fields is { Count: > 0 })
            record.CustomFields = fields;
        return new MappedRow(record, null);
    }

    private static MappedRow Refuse(string? column, string code, string reason) => new(null, new Refusal(code, reason, column));
}
