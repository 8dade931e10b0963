namespace CampaignMonitor.Core.Settings;

/// <summary>Credentials made with New-CMCredential -SessionOnly: in this process's memory only, never on disk.</summary>
internal static class SessionCredentials
{
    private static readonly Dictionary<string, (CredentialRecord Record, string ApiKey)> Items = new(StringComparer.OrdinalIgnoreCase);

    public static void Set(CredentialRecord record, string apiKey)
    {
        lock (Items)
            Items[record.Name] = (record, apiKey);
    }

    public static (CredentialRecord Record, string ApiKey)? Get(string name)
    {
        lock (Items)
            return Items.TryGetValue(name.Trim(), out var item) ? item : null;
    }

    public static IReadOnlyList<CredentialRecord> All()
    {
        lock (Items)
            return Items.Values.Select(i => i.Record).ToList();
    }

    public static bool Remove(string name)
    {
        lock (Items)
            return Items.Remove(name.Trim());
    }
}
