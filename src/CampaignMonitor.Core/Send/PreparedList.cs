namespace CampaignMonitor.Core.Send;

/// <summary>What preparing the list found and did (or, in a dry run, would do), and the plan for the rows.</summary>
/// <param name="ListId">Null in a dry run when the list does not exist yet.</param>
internal sealed record PreparedList(string ListName, string? ListId, bool ListCreated)
{
    public List<string> FieldsCreated { get; } = new();
    public List<string> OptionsAdded { get; } = new();
    public List<string> Warnings { get; } = new();
    /// <summary>What the host may tell in detail (the verbose stream): how columns were matched, for one.</summary>
    public List<string> Notes { get; } = new();
    public RowPlan Plan { get; set; } = null!;
    /// <summary>Mapped input columns the first row does not have.</summary>
    public List<string> MissingColumns { get; } = new();
}
