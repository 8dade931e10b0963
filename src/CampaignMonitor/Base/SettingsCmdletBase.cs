namespace CampaignMonitor.Base;

/// <summary>Base of the cmdlets that create, change or remove credentials, destinations and data templates.</summary>
public abstract class SettingsCmdletBase : CampaignMonitorCmdletBase
{
    /// <summary>
    /// Runs the work for each setting a -Name matches (a name, or a wildcard pattern as Get- takes): a name that
    /// matches nothing, and a failure about one setting, are non-terminating errors; a pattern that matches nothing
    /// does nothing.
    /// </summary>
    internal void ForEachNamed<T>(string pattern, Func<string, IReadOnlyList<T>> find, Func<T, string> nameOf, Action<string> work) =>
        ForItem(() =>
        {
            foreach (var name in find(pattern).Select(nameOf).ToList())
                ForItem(() => work(name), name);
        }, pattern);

    /// <summary>A business-user session may not change settings: a terminating error says so.</summary>
    internal void RequireNotBusinessUser(string what, object? target) => SetUp(() => Catalog.Policy.RequireNotBusinessUser(what), target);
}
