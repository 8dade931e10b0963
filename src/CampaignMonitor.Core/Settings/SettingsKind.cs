using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Settings;

/// <summary>One kind of setting (credentials, destinations or data templates): a folder of JSON files named after them.</summary>
internal readonly struct SettingsKind<T> where T : class
{
    private readonly SettingsStore _store;
    private readonly string _folder;
    private readonly string _what;

    internal SettingsKind(SettingsStore store, string folder, string what)
    {
        _store = store;
        _folder = folder;
        _what = what;
    }

    private string FolderPath => Path.Combine(_store.Folder, _folder);

    /// <summary>Every stored name, as stored.</summary>
    public IReadOnlyList<string> Names()
    {
        if (!Directory.Exists(FolderPath))
            return Array.Empty<string>();
        return Directory.EnumerateFiles(FolderPath, "*.json").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The stored name matching this one case-insensitively, or null.</summary>
    public string? Find(string name)
    {
        var wanted = name.Trim();
        return Names().FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
    }

    public bool Exists(string name) => Find(name) is not null;

    public T Get(string name)
    {
        var stored = Find(name) ?? throw new SettingsException(SettingsErrorKind.NotFound, $"There is no {_what} named '{name}' in '{FolderPath}'.", name);
        var value = _store.Read<T>(Path.Combine(FolderPath, stored + ".json"), _what);
        return value;
    }

    /// <summary>Every readable setting of this kind; a corrupt file is left out with a warning (the others are still listed).</summary>
    public IReadOnlyList<T> All()
    {
        var all = new List<T>();
        foreach (var name in Names())
        {
            try
            {
                all.Add(Get(name));
            }
            catch (SettingsException ex) when (ex.Kind == SettingsErrorKind.Corrupt)
            {
                _store.Warn($"{ex.Message} It is left out; replace it with -Force.");
            }
        }
        return all;
    }

    /// <summary>Writes the setting (under the caller's lock when several files change together).</summary>
    public void Save(string name, T value)
    {
        var existing = Find(name);
        // Keep one file per name whatever the case it is given in.
        if (existing is not null && existing != name)
            File.Delete(Path.Combine(FolderPath, existing + ".json"));
        _store.WriteAtomically(Path.Combine(FolderPath, name + ".json"), _store.Serialize(value));
    }

    public void Delete(string name)
    {
        var stored = Find(name) ?? throw new SettingsException(SettingsErrorKind.NotFound, $"There is no {_what} named '{name}'.", name);
        File.Delete(Path.Combine(FolderPath, stored + ".json"));
    }
}
