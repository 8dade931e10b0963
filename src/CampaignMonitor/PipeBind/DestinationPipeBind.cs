namespace CampaignMonitor.PipeBind;

/// <summary>What -Destination takes: a destination's name, or the object <c>Get-CMDestination</c> returned.</summary>
public sealed class DestinationPipeBind
{
    public DestinationPipeBind(string name) => Name = CredentialPipeBind.NameOf(name);

    public DestinationPipeBind(Destination destination) => Name = (destination ?? throw new ArgumentNullException(nameof(destination))).Name;

    public string Name { get; }

    public override string ToString() => Name;
}
