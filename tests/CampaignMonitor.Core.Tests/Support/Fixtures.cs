namespace CampaignMonitor.Core.Tests.Support;

/// <summary>The response bodies copied from the four createsend libraries' test suites.</summary>
public static class Fixtures
{
    public static readonly string[] Libraries = { "createsend-ruby", "createsend-python", "createsend-php", "createsend-node" };

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Read(string library, string file) => File.ReadAllText(Path.Combine(Folder, library, file));

    public static bool Exists(string library, string file) => File.Exists(Path.Combine(Folder, library, file));

    /// <summary>Theory data: every library that has the fixture.</summary>
    public static IEnumerable<object[]> LibrariesWith(string file) =>
        Libraries.Where(library => Exists(library, file)).Select(library => new object[] { library });
}
