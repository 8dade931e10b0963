namespace CampaignMonitor.Core.Send;

/// <summary>What preparing the list found and did (or, in a dry run, would do), and the plan for the rows.</summary>
internal sealed class PreparedList
{
    public PreparedList(string listName, string? listId, bool listCreated)
    {
        ListName = listName;
        ListId = listId;
        ListCreated = listCreated;
    }

    public string ListName { get; }
    /// <summary>Null in a dry run when the list does not exist yet.</summary>
    public string? ListId { get; }
    public bool ListCreated { get; }
    public List<string> FieldsCreated { get; } = new();
    public List<string> OptionsAdded { get; } = new();
    public List<string> Warnings { get; } = new();
    public RowPlan Plan { get; set; } = null!;
    /// <summary>Mapped input columns the first row does not have.</summary>
    public List<string> MissingColumns { get; } = new();
}
