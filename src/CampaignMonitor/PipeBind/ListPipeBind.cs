namespace CampaignMonitor.PipeBind;

/// <summary>
/// What a list parameter takes: a list's name (found by the one rule: exact, else the one case-insensitive match),
/// or the object <c>Get-CMList</c> returned (its ID is used as it is).
/// </summary>
public sealed class ListPipeBind
{
    public ListPipeBind(string name) => Name = CredentialPipeBind.NameOf(name);

    public ListPipeBind(List list)
    {
        ArgumentNullException.ThrowIfNull(list);
        Name = list.Name;
        ListId = list.ListId;
    }

    public string Name { get; }

    /// <summary>Known when the list came from Get-CMList: no search by name is needed.</summary>
    public string? ListId { get; }

    public override string ToString() => Name;
}
