namespace CampaignMonitor;

/// <summary>One of a client's lists (Get-CMList).</summary>
public sealed class List
{
    internal List(string listId, string name, string credential)
    {
        ListId = listId;
        Name = name;
        Credential = credential;
    }

    public string ListId { get; }
    public string Name { get; }
    /// <summary>The credential it was read with, so it pipes on without -Credential.</summary>
    public string Credential { get; }

    public override string ToString() => Name;
}
