namespace CampaignMonitor.Core.Send;

/// <summary>One input column and where its value goes (with the field's rule for custom fields).</summary>
internal sealed record ColumnTarget(string Source, TargetKind Kind, FieldRule? Rule = null)
{
    /// <summary>Email addresses, names and phone numbers: what a restricted-PII session sees masked.</summary>
    public bool IsPersonalData => Kind is TargetKind.EmailAddress or TargetKind.Name or TargetKind.FirstName or TargetKind.LastName or TargetKind.MobileNumber;
}
