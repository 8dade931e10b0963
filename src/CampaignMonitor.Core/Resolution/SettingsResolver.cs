using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Send;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Core.Resolution;

/// <summary>
/// Turns the names a command was given (a credential, a destination, a data template, a list) into settings and
/// list IDs, applying the session's policy here and only here.
/// </summary>
internal sealed class SettingsResolver
{
    private readonly SettingsCatalog _catalog;

    public SettingsResolver(SettingsCatalog catalog) => _catalog = catalog;

    public SessionPolicy Policy => _catalog.Policy;

    /// <summary>A credential by name, to read a whole client's data.</summary>
    public ApiCredential Credential(string name) => _catalog.ResolveCredential(name);

    /// <summary>A destination and its credential. A business-user session may use only destinations that allow business users.</summary>
    public (DestinationRecord Destination, ApiCredential Credential) Destination(string name)
    {
        var destination = _catalog.GetDestination(name);
        RequireAllowed(destination);
        return (destination, _catalog.ResolveCredential(destination.Credential));
    }

    /// <summary>
    /// A destination whose list's subscribers are changed one by one (Remove-CMSubscriber): as for a send with no
    /// template, a restricted-PII session needs the destination to allow restricted PII.
    /// </summary>
    public (DestinationRecord Destination, ApiCredential Credential) DestinationToChange(string name)
    {
        var (destination, credential) = Destination(name);
        if (Policy.IsPiiRestricted && !destination.AllowRestrictedPii)
            throw RestrictedPiiNotAllowed(destination);
        return (destination, credential);
    }

    /// <summary>
    /// The settings of a send: the destination and (optionally) the data template, which must be the destination's;
    /// a business-user session needs both to allow business users, a restricted-PII session needs the template (or,
    /// with none, the destination) to allow restricted PII.
    /// </summary>
    public SendContext ForSend(string destinationName, string? templateName)
    {
        var destination = _catalog.GetDestination(destinationName);
        var template = templateName is null ? null : _catalog.GetDataTemplate(templateName);
        if (template is not null && !string.Equals(template.Destination, destination.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new SendException(SendErrorKind.TemplateForOtherDestination,
                $"The data template '{template.Name}' is for the destination '{template.Destination}', not '{destination.Name}'.");
        }
        RequireAllowed(destination);
        if (Policy.IsBusinessUser && template is { AllowBusinessUsers: false })
            throw NotAllowed(SessionPolicy.RoleVariable, "BusinessUser", $"the data template '{template.Name}' does not allow business users (its AllowBusinessUsers flag is off)", template.Name);
        if (Policy.IsPiiRestricted)
        {
            // With a template, the template decides; with none, the destination does.
            if (template is { AllowRestrictedPii: false })
                throw NotAllowed(SessionPolicy.PiiVariable, "Restricted", $"the data template '{template.Name}' does not allow restricted PII access (its AllowRestrictedPii flag is off)", template.Name);
            if (template is null && !destination.AllowRestrictedPii)
                throw RestrictedPiiNotAllowed(destination);
        }
        return new SendContext(destination, template, _catalog.ResolveCredential(destination.Credential), _catalog.Store.ListPins);
    }

    /// <summary>The list a destination sends to: the one its sends pinned, else its list found by name.</summary>
    public Task<string> DestinationListIdAsync(CampaignMonitorClient client, DestinationRecord destination, ApiCredential credential, CancellationToken cancellationToken) =>
        _catalog.Store.ListPins.Get(destination.Name, credential.ClientId, client.BaseUri) is { } pin
            ? Task.FromResult(pin.ListId)
            : ListIdAsync(client, credential, destination.ListName, cancellationToken);

    /// <summary>The ID of the credential's list of that name (by <see cref="ListFinder"/>'s rule), or a NotFound settings error.</summary>
    public static async Task<string> ListIdAsync(CampaignMonitorClient client, ApiCredential credential, string listName, CancellationToken cancellationToken)
    {
        var lists = await client.GetListsAsync(credential.ClientId, cancellationToken).ConfigureAwait(false);
        return ListFinder.Find(lists, listName)?.ListID
            ?? throw new SettingsException(SettingsErrorKind.NotFound,
                $"The client of credential '{credential.Name}' has no list named '{listName}'. Get-CMList shows its lists.", listName);
    }

    private void RequireAllowed(DestinationRecord destination)
    {
        if (Policy.IsBusinessUser && !destination.AllowBusinessUsers)
            throw NotAllowed(SessionPolicy.RoleVariable, "BusinessUser", $"the destination '{destination.Name}' does not allow business users (its AllowBusinessUsers flag is off)", destination.Name);
    }

    private static SettingsException RestrictedPiiNotAllowed(DestinationRecord destination) =>
        NotAllowed(SessionPolicy.PiiVariable, "Restricted", $"the destination '{destination.Name}' does not allow restricted PII access (its AllowRestrictedPii flag is off)", destination.Name);

    private static SettingsException NotAllowed(string variable, string value, string why, string target) =>
        new(SettingsErrorKind.NotAllowed, $"{variable}={value}: {why}.", target);
}
