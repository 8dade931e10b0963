using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Sync;

/// <summary>What an input column feeds.</summary>
public enum TargetKind
{
    EmailAddress,
    Name,
    FirstName,
    LastName,
    MobileNumber,
    ConsentToTrack,
    ConsentToSendSms,
    CustomField,
}

/// <summary>One input column and where its value goes (with the field's rule for custom fields).</summary>
public sealed record ColumnTarget(string Source, TargetKind Kind, FieldRule? Rule = null);

/// <summary>Why a row is not sent, before it reaches the API: which column, a code, and a reason.</summary>
public sealed record RowReject(string? Column, string Code, string Reason);

/// <summary>A row mapped: the subscriber to send, or why not.</summary>
public readonly record struct MappedRow(SubscriberRecord? Record, RowReject? Reject);

/// <summary>
/// The mapping of input columns to a subscriber, resolved once before the first row (so the per-row work is an
/// array walk, not a search) and applied to each row's values, given in <see cref="Columns"/> order.
/// </summary>
public sealed class RowPlan
{
    public RowPlan(IReadOnlyList<ColumnTarget> columns, string defaultConsent)
    {
        Columns = columns;
        DefaultConsent = defaultConsent;
        EmailIndex = columns.ToList().FindIndex(c => c.Kind == TargetKind.EmailAddress);
        if (EmailIndex < 0)
            throw new ArgumentException("A plan needs an email column.", nameof(columns));
    }

    /// <summary>Where the email address is among <see cref="Columns"/>.</summary>
    public int EmailIndex { get; }

    /// <summary>The input columns to read from every row, in the order <see cref="Map"/> expects their values.</summary>
    public IReadOnlyList<ColumnTarget> Columns { get; }

    /// <summary>The ConsentToTrack for rows that do not give one.</summary>
    public string DefaultConsent { get; }

    public MappedRow Map(ReadOnlySpan<object?> values)
    {
        var record = new SubscriberRecord { ConsentToTrack = DefaultConsent };
        string? first = null, last = null;
        List<SubscriberCustomField>? fields = null;
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            var value = values[i];
            if (column.Kind == TargetKind.CustomField)
            {
                fields ??= new List<SubscriberCustomField>(Columns.Count);
                if (column.Rule!.Write(value, fields) is { } problem)
                    return Reject(column.Source, problem.Code, problem.Reason);
                continue;
            }
            if (InputValue.IsEmpty(value))
                continue;
            if (!InputValue.IsScalar(value))
                return Reject(column.Source, "NotAValue", $"holds {InputValue.Describe(value)}, not one value");
            var text = InputValue.Text(value);
            if (text.Length > FieldRule.MaxLength)
                return Reject(column.Source, "TooLong", $"is {text.Length} characters long; Campaign Monitor takes at most {FieldRule.MaxLength}");
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
                        return Reject(column.Source, "InvalidConsent", $"'{text}' is not a ConsentToTrack value (Yes, No or Unchanged)");
                    record.ConsentToTrack = consent;
                    break;
                case TargetKind.ConsentToSendSms:
                    record.ConsentToSendSms = ConsentValues.Normalize(text);
                    if (record.ConsentToSendSms is null)
                        return Reject(column.Source, "InvalidConsent", $"'{text}' is not a ConsentToSendSms value (Yes, No or Unchanged)");
                    break;
            }
        }
        if (record.Name is null && (first is not null || last is not null))
        {
            record.Name = $"{first} {last}".Trim();
            if (record.Name.Length > FieldRule.MaxLength)
                return Reject("FirstName/LastName", "TooLong", $"the name is {record.Name.Length} characters long; Campaign Monitor takes at most {FieldRule.MaxLength}");
        }
        var emailColumn = Columns[EmailIndex].Source;
        if (record.EmailAddress.Length == 0)
            return Reject(emailColumn, "NoEmail", "has no email address");
        if (!EmailRule.IsWellFormed(record.EmailAddress))
            return Reject(emailColumn, "InvalidEmail", "is not a well-formed email address");
        if (fields is { Count: > 0 })
            record.CustomFields = fields;
        return new MappedRow(record, null);
    }

    private static MappedRow Reject(string? column, string code, string reason) => new(null, new RowReject(column, code, reason));
}
