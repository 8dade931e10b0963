namespace CampaignMonitor.PipeBind;

/// <summary>
/// What -Credential takes: a credential's name, or the object <c>Get-CMCredential</c> (or a reader that remembers
/// its credential) returned. PowerShell converts either through the constructors.
/// </summary>
public sealed class CredentialPipeBind
{
    public CredentialPipeBind(string name) => Name = NameOf(name);

    public CredentialPipeBind(Credential credential) => Name = (credential ?? throw new ArgumentNullException(nameof(credential))).Name;

    public string Name { get; }

    public override string ToString() => Name;

    internal static string NameOf(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A name cannot be empty.", nameof(name)) : name.Trim();
}
