namespace CampaignMonitor.Core.Settings;

/// <summary>
/// Where each destination's list is pinned: a small file beside the destination (destinations/&lt;name&gt;.pin), written
/// by any send, business-user sessions included, so a list renamed in Campaign Monitor keeps receiving. Forgotten
/// when the destination's list name or credential is set again, or the destination is removed.
/// </summary>
internal sealed class ListPinStore
{
    private const string Folder = "destinations";
    private readonly SettingsStore _store;

    public ListPinStore(SettingsStore store) => _store = store;

    /// <summary>The pin of a destination for this client and API; null when there is none (or it is unreadable).</summary>
    public ListPin? Get(string destination, string clientId, Uri baseUri)
    {
        var path = PathOf(destination);
        if (!File.Exists(path))
            return null;
        try
        {
            var pin = _store.Read<ListPin>(path, "list pin");
            return pin.ClientId == clientId && pin.BaseUri == baseUri.AbsoluteUri ? pin : null;
        }
        catch (SettingsException)
        {
            return null; // a damaged pin is as good as none: the list is found by name again
        }
    }

    public void Save(string destination, ListPin pin) => _store.WriteAtomically(PathOf(destination), _store.Serialize(pin));

    public void Forget(string destination)
    {
        try { File.Delete(PathOf(destination)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Forgets every pin to lists of this API (a sandbox that was reset, say).</summary>
    public void ForgetAll(Uri baseUri)
    {
        var folder = Path.Combine(_store.Folder, Folder);
        if (!Directory.Exists(folder))
            return;
        foreach (var path in Directory.EnumerateFiles(folder, "*.pin"))
        {
            try
            {
                if (_store.Read<ListPin>(path, "list pin").BaseUri == baseUri.AbsoluteUri)
                    File.Delete(path);
            }
            catch (Exception ex) when (ex is SettingsException or IOException or UnauthorizedAccessException)
            {
                // A pin that cannot be read is not used anyway.
            }
        }
    }

    private string PathOf(string destination) => Path.Combine(_store.Folder, Folder, destination.ToLowerInvariant() + ".pin");
}
