using System.Text.RegularExpressions;

namespace CampaignMonitor.Core.Settings;

/// <summary>
/// The rules around stored settings: names checked at the door, no overwrite without force, nothing removed
/// while another setting uses it (without force), business users kept to reading. The one place cmdlets go
/// for credentials, destinations and data templates.
/// </summary>
internal sealed class SettingsCatalog
{
    private readonly TimeProvider _time;

    public SettingsCatalog(SettingsStore store, SessionPolicy policy, TimeProvider? time = null)
    {
        Store = store;
        Policy = policy;
        _time = time ?? TimeProvider.System;
    }

    public static SettingsCatalog ForEnvironment(Action<string>? warn = null) =>
        new(SettingsStore.ForEnvironment(warn), SessionPolicy.FromEnvironment());

    public SettingsStore Store { get; }
    public SessionPolicy Policy { get; }

    private DateTime Now => _time.GetLocalNow().DateTime;

    // ---- credentials ---------------------------------------------------------------------------------------

    /// <summary>Checks everything, then asks <paramref name="confirm"/> (ShouldProcess), then writes. Null when not confirmed.</summary>
    public CredentialInfo? NewCredential(string name, string clientId, string apiKey, string? baseUri, bool force, bool sessionOnly, Func<bool>? confirm = null)
    {
        Policy.RequireNotBusinessUser("create credentials");
        name = SettingsValidation.Name(name, "credential");
        if (EnvironmentCredential.IsEnvironmentName(name))
            throw new SettingsException(SettingsErrorKind.Invalid, $"The name 'env' is kept for the credential the {EnvironmentCredential.ApiKeyVariable} and {EnvironmentCredential.ClientIdVariable} variables define.", name);
        if (string.IsNullOrWhiteSpace(apiKey))
            throw new SettingsException(SettingsErrorKind.Invalid, "The API key is empty.", name);
        var record = new CredentialRecord
        {
            Name = name, ClientId = SettingsValidation.ClientId(clientId), BaseUri = SettingsValidation.BaseUri(baseUri), Created = Now, Modified = Now,
        };
        if (sessionOnly)
        {
            if (!force && SessionCredentials.Get(name) is not null)
                throw Exists("session credential", name);
            if (confirm?.Invoke() == false)
                return null;
            SessionCredentials.Set(record, apiKey.Trim());
            return new CredentialInfo(record, SecretText.Hint(apiKey.Trim()), CredentialSource.Session);
        }
        using (Store.Lock())
        {
            if (Store.Credentials.Find(name) is { } existing)
            {
                if (!force)
                    throw Exists("credential", existing);
                record.Created = CreatedOf(Store.Credentials, existing);
            }
            if (confirm?.Invoke() == false)
                return null;
            Store.Credentials.Save(name, record);
            Store.SaveApiKey(name, apiKey.Trim());
        }
        return new CredentialInfo(record, SecretText.Hint(apiKey.Trim()), CredentialSource.Store);
    }

    /// <summary>Session credentials, the environment's, then stored ones; filtered by a wildcard pattern.</summary>
    public IReadOnlyList<CredentialInfo> GetCredentials(string? pattern = null)
    {
        var all = new List<CredentialInfo>();
        foreach (var record in SessionCredentials.All())
            all.Add(new CredentialInfo(record, SecretText.Hint(SessionCredentials.Get(record.Name)!.Value.ApiKey), CredentialSource.Session));
        if (EnvironmentCredential.Read() is { } env)
            all.Add(new CredentialInfo(new CredentialRecord { Name = env.Name, ClientId = env.ClientId, BaseUri = env.BaseUri.ToString() }, env.ApiKeyHint, CredentialSource.Environment));
        foreach (var record in Store.Credentials.All())
        {
            if (all.Any(c => string.Equals(c.Record.Name, record.Name, StringComparison.OrdinalIgnoreCase)))
                continue;
            all.Add(new CredentialInfo(record, SecretText.Hint(Store.ReadApiKey(record.Name)), CredentialSource.Store));
        }
        return Filter(all, c => c.Record.Name, pattern, "credential");
    }

    /// <summary>The credential a command uses: a session credential, 'env', or a stored one.</summary>
    public ApiCredential ResolveCredential(string name)
    {
        if (SessionCredentials.Get(name) is { } session)
            return new ApiCredential(session.Record.Name, session.Record.ClientId, session.ApiKey, new Uri(session.Record.BaseUri));
        if (EnvironmentCredential.IsEnvironmentName(name))
        {
            return EnvironmentCredential.Read() ?? throw new SettingsException(SettingsErrorKind.NotFound,
                $"The credential 'env' needs the environment variables {EnvironmentCredential.ApiKeyVariable} and {EnvironmentCredential.ClientIdVariable} (and optionally {EnvironmentCredential.BaseUriVariable}).", name);
        }
        var record = Store.Credentials.Get(name);
        return new ApiCredential(record.Name, record.ClientId, Store.ReadApiKey(record.Name), new Uri(record.BaseUri));
    }

    public void RemoveCredential(string name, bool force, Func<bool>? confirm = null)
    {
        Policy.RequireNotBusinessUser("remove credentials");
        if (SessionCredentials.Get(name) is not null)
        {
            if (confirm?.Invoke() != false)
                SessionCredentials.Remove(name);
            return;
        }
        using (Store.Lock())
        {
            var stored = Store.Credentials.Find(name) ?? throw NotFound("credential", name);
            var users = Store.Destinations.All().Where(d => string.Equals(d.Credential, stored, StringComparison.OrdinalIgnoreCase)).Select(d => d.Name).ToList();
            if (users.Count > 0 && !force)
                throw InUse("credential", stored, "destination", users);
            if (confirm?.Invoke() == false)
                return;
            Store.Credentials.Delete(stored);
            Store.DeleteApiKey(stored);
        }
    }

    public bool CredentialExists(string name) =>
        SessionCredentials.Get(name) is not null || (EnvironmentCredential.IsEnvironmentName(name) && EnvironmentCredential.Read() is not null) || Store.Credentials.Exists(name);

    // ---- destinations and data templates alike --------------------------------------------------------------

    /// <summary>Saves a new (checked) setting; an existing one of that name is replaced only with force, keeping its Created.</summary>
    private T? Add<T>(SettingsKind<T> kind, string what, T record, bool force, Func<bool>? confirm) where T : class, IStoredSetting
    {
        using (Store.Lock())
        {
            if (kind.Find(record.Name) is { } existing)
            {
                if (!force)
                    throw Exists(what, existing);
                record.Created = CreatedOf(kind, existing);
            }
            else
            {
                record.Created = Now;
            }
            record.Modified = Now;
            if (confirm?.Invoke() == false)
                return null;
            kind.Save(record.Name, record);
        }
        return record;
    }

    /// <summary>When a setting being replaced was created; now when its file is corrupt (-Force replaces it).</summary>
    private DateTime CreatedOf<T>(SettingsKind<T> kind, string name) where T : class, IStoredSetting
    {
        try
        {
            return kind.Get(name).Created;
        }
        catch (SettingsException ex) when (ex.Kind == SettingsErrorKind.Corrupt)
        {
            return Now;
        }
    }

    /// <summary>Applies a change to a stored setting and saves it, checked like a new one.</summary>
    private T? Change<T>(SettingsKind<T> kind, string name, Action<T> change, Func<T, T> validate, Func<bool>? confirm) where T : class, IStoredSetting
    {
        using (Store.Lock())
        {
            var record = kind.Get(name);
            change(record);
            var checkedRecord = validate(record);
            checkedRecord.Modified = Now;
            if (confirm?.Invoke() == false)
                return null;
            kind.Save(checkedRecord.Name, checkedRecord);
            return checkedRecord;
        }
    }

    // ---- destinations --------------------------------------------------------------------------------------

    public DestinationRecord? AddDestination(DestinationRecord destination, bool force, Func<bool>? confirm = null)
    {
        Policy.RequireNotBusinessUser("create destinations");
        var added = Add(Store.Destinations, "destination", Validate(destination), force, confirm);
        if (added is not null)
            Store.ListPins.Forget(added.Name); // a destination made anew chooses its list anew
        return added;
    }

    public IReadOnlyList<DestinationRecord> GetDestinations(string? pattern = null) =>
        Listed(Store.Destinations, d => d.Name, pattern, "destination");

    /// <summary>
    /// A stored destination. A credential's name given for it is told apart: readers take a destination in position 0,
    /// so <c>Get-CMList prod</c> says to write <c>-Credential prod</c>.
    /// </summary>
    public DestinationRecord GetDestination(string name)
    {
        if (!Store.Destinations.Exists(name) && CredentialExists(name))
        {
            throw new SettingsException(SettingsErrorKind.NotFound,
                $"There is no destination named '{name}', but there is a credential of that name: give -Credential '{name}'.", name);
        }
        return Store.Destinations.Get(name);
    }

    /// <summary>Applies a change to a stored destination and saves it, checked like a new one.</summary>
    public DestinationRecord? SetDestination(string name, Action<DestinationRecord> change, Func<bool>? confirm = null)
    {
        Policy.RequireNotBusinessUser("change destinations");
        return Change(Store.Destinations, name, change, Validate, confirm);
    }

    /// <summary>Forgets the list a destination was pinned to: its next send finds (or creates) the list by name again.</summary>
    public void ForgetListPin(string destination) => Store.ListPins.Forget(destination);

    /// <summary>
    /// Removes a destination. Its data templates cannot work without it: they are refused unless -Force, which
    /// removes them with it (<paramref name="confirm"/> is told their names). Returns the templates removed.
    /// </summary>
    public IReadOnlyList<string> RemoveDestination(string name, bool force, Func<IReadOnlyList<string>, bool>? confirm = null)
    {
        Policy.RequireNotBusinessUser("remove destinations");
        using (Store.Lock())
        {
            var stored = Store.Destinations.Find(name) ?? throw NotFound("destination", name);
            var users = Store.DataTemplates.All().Where(t => string.Equals(t.Destination, stored, StringComparison.OrdinalIgnoreCase)).Select(t => t.Name).ToList();
            if (users.Count > 0 && !force)
                throw InUse("destination", stored, "data template", users);
            if (confirm?.Invoke(users) == false)
                return Array.Empty<string>();
            foreach (var template in users)
                Store.DataTemplates.Delete(template);
            Store.Destinations.Delete(stored);
            Store.ListPins.Forget(stored);
            return users;
        }
    }

    private DestinationRecord Validate(DestinationRecord d)
    {
        d.Name = SettingsValidation.Name(d.Name, "destination");
        d.Credential = SettingsValidation.Name(d.Credential, "credential");
        if (!CredentialExists(d.Credential))
            throw new SettingsException(SettingsErrorKind.NotFound, $"There is no credential named '{d.Credential}'. Create it first with New-CMCredential.", d.Credential);
        d.ListName = SettingsValidation.ListName(d.ListName);
        d.UnsubscribeSetting = SettingsValidation.UnsubscribeSetting(d.UnsubscribeSetting);
        d.UnsubscribeUrl = SettingsValidation.Url(d.UnsubscribeUrl, "unsubscribe URL");
        d.ConfirmationUrl = SettingsValidation.Url(d.ConfirmationUrl, "confirmation URL");
        return d;
    }

    // ---- data templates ------------------------------------------------------------------------------------

    public DataTemplateRecord? AddDataTemplate(DataTemplateRecord template, bool force, Func<bool>? confirm = null)
    {
        Policy.RequireNotBusinessUser("create data templates");
        return Add(Store.DataTemplates, "data template", Validate(template), force, confirm);
    }

    public IReadOnlyList<DataTemplateRecord> GetDataTemplates(string? pattern = null) =>
        Listed(Store.DataTemplates, t => t.Name, pattern, "data template");

    public DataTemplateRecord GetDataTemplate(string name) => Store.DataTemplates.Get(name);

    public DataTemplateRecord? SetDataTemplate(string name, Action<DataTemplateRecord> change, Func<bool>? confirm = null)
    {
        Policy.RequireNotBusinessUser("change data templates");
        return Change(Store.DataTemplates, name, change, Validate, confirm);
    }

    public void RemoveDataTemplate(string name, Func<bool>? confirm = null)
    {
        Policy.RequireNotBusinessUser("remove data templates");
        using (Store.Lock())
        {
            var stored = Store.DataTemplates.Find(name) ?? throw NotFound("data template", name);
            if (confirm?.Invoke() == false)
                return;
            Store.DataTemplates.Delete(stored);
        }
    }

    private DataTemplateRecord Validate(DataTemplateRecord t)
    {
        t.Name = SettingsValidation.Name(t.Name, "data template");
        t.Destination = SettingsValidation.Name(t.Destination, "destination");
        if (!Store.Destinations.Exists(t.Destination))
            throw new SettingsException(SettingsErrorKind.NotFound, $"There is no destination named '{t.Destination}'. Create it first with Add-CMDestination.", t.Destination);
        t.ConsentToTrack = SettingsValidation.Consent(t.ConsentToTrack);
        if (t.Mapping.Count == 0)
            throw new SettingsException(SettingsErrorKind.Invalid, "The mapping is empty: map at least one input column to a field.", t.Name);
        if (!t.Mapping.Any(m => m.Field == StandardFields.EmailAddress))
        {
            throw new SettingsException(SettingsErrorKind.Invalid,
                $"The mapping of '{t.Name}' has no email target: map the column that holds the address to EmailAddress (e.g. @{{ Email = 'EmailAddress'; ... }}).", t.Name);
        }
        t.Culture = SettingsValidation.Culture(t.Culture, "the data template");
        return t;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /// <summary>
    /// The settings a name or pattern gives: a plain name is read itself (so a corrupt file is an error naming it),
    /// a pattern lists the readable ones (a corrupt file is left out with a warning).
    /// </summary>
    private static IReadOnlyList<T> Listed<T>(SettingsKind<T> kind, Func<T, string> name, string? pattern, string what) where T : class =>
        string.IsNullOrEmpty(pattern) || HasWildcard(pattern)
            ? Filter(kind.All().ToList(), name, pattern, what)
            : kind.Exists(pattern) ? new[] { kind.Get(pattern) } : throw NotFound(what, pattern.Trim());

    private static IReadOnlyList<T> Filter<T>(List<T> items, Func<T, string> name, string? pattern, string what)
    {
        if (string.IsNullOrEmpty(pattern) || pattern == "*")
            return items;
        if (!HasWildcard(pattern))
        {
            var exact = items.Where(i => string.Equals(name(i), pattern.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            return exact.Count > 0 ? exact : throw NotFound(what, pattern);
        }
        var regex = new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return items.Where(i => regex.IsMatch(name(i))).ToList();
    }

    private static bool HasWildcard(string pattern) => pattern.IndexOfAny(new[] { '*', '?' }) >= 0;

    private static SettingsException NotFound(string what, string name) =>
        new(SettingsErrorKind.NotFound, $"There is no {what} named '{name}'.", name);

    private static SettingsException Exists(string what, string name) =>
        new(SettingsErrorKind.AlreadyExists, $"A {what} named '{name}' already exists. Use -Force to replace it.", name);

    private static SettingsException InUse(string what, string name, string userKind, List<string> users) =>
        new(SettingsErrorKind.InUse, $"The {what} '{name}' is used by the {userKind}{(users.Count > 1 ? "s" : "")} {string.Join(", ", users.Select(u => $"'{u}'"))}. Remove or change {(users.Count > 1 ? "them" : "it")} first, or use -Force.", name);
}
