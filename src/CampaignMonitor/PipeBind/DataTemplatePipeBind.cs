namespace CampaignMonitor.PipeBind;

/// <summary>What -DataTemplate takes: a data template's name, or the object <c>Get-CMDataTemplate</c> returned.</summary>
public sealed class DataTemplatePipeBind
{
    public DataTemplatePipeBind(string name) => Name = CredentialPipeBind.NameOf(name);

    public DataTemplatePipeBind(DataTemplate template) => Name = (template ?? throw new ArgumentNullException(nameof(template))).Name;

    public string Name { get; }

    public override string ToString() => Name;
}
