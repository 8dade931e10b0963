using System.Collections;
using CampaignMonitor.Core.Settings;
using Xunit;

namespace CampaignMonitor.Core.Tests;

#pragma warning disable CA1416 // Unix file modes: each test that uses them returns early on Windows.

/// <summary>The settings store: round-trips, atomic owner-only writes, corrupt files, locking, and the catalog's rules.</summary>
public sealed class SettingsStoreTests : IDisposable
{
    private const string ClientId = "0123456789abcdef0123456789abcdef";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cm-store-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _warnings = new();

    private SettingsStore Store() => new(_folder, new OwnerOnlyFileProtector(), _warnings.Add);

    private SettingsCatalog Catalog(bool businessUser = false) => new(Store(), new SessionPolicy(businessUser, false));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void EverythingRoundTrips()
    {
        var catalog = Catalog();
        catalog.NewCredential("Prod", ClientId.ToUpperInvariant(), " the-key-1234 ", "https://api.createsend.com/api/v3.3", force: false, sessionOnly: false);
        catalog.AddDestination(new DestinationRecord { Name = "News", Credential = "prod", ListName = " Newsletter ", UnsubscribeSetting = "onlythislist", UnsubscribeUrl = "https://example.com/bye", ConfirmedOptIn = true, AllowRestrictedPii = true }, force: false);
        var mapping = SettingsValidation.Mapping(new Hashtable
        {
            ["Email"] = "emailaddress",
            ["Tier"] = new Hashtable { ["Field"] = "Loyalty Tier", ["Type"] = "multiselectone", ["Options"] = new object[] { "Gold", "Silver" } },
            ["Joined"] = new Hashtable { ["Field"] = "Joined", ["Type"] = "Date", ["Format"] = "dd.MM.yyyy", ["ClearWhenEmpty"] = true },
        });
        catalog.AddDataTemplate(new DataTemplateRecord { Name = "Crm", Destination = "NEWS", Mapping = mapping, ConsentToTrack = "yes" }, force: false);

        var reread = Catalog();
        var credential = reread.ResolveCredential("PROD");
        Assert.Equal(("Prod", ClientId, "the-key-1234", "https://api.createsend.com/api/v3.3/"), (credential.Name, credential.ClientId, credential.ApiKey, credential.BaseUri.ToString()));
        var destination = reread.GetDestination("news");
        Assert.Equal(("News", "Newsletter", "OnlyThisList", true, true), (destination.Name, destination.ListName, destination.UnsubscribeSetting, destination.ConfirmedOptIn, destination.AllowRestrictedPii));
        var template = reread.GetDataTemplate("crm");
        Assert.Equal("Yes", template.ConsentToTrack);
        Assert.Equal("EmailAddress", template.Mapping.Single(m => m.Source == "Email").Field);
        var tier = template.Mapping.Single(m => m.Source == "Tier");
        Assert.Equal(("Loyalty Tier", "MultiSelectOne"), (tier.Field, tier.Type));
        Assert.Equal(new[] { "Gold", "Silver" }, tier.Options);
        var joined = template.Mapping.Single(m => m.Source == "Joined");
        Assert.True(joined.ClearWhenEmpty);
        Assert.Equal("dd.MM.yyyy", joined.Format);
    }

    [Fact]
    public void FilesAreCreatedOwnerOnlyAndNoTemporaryFileIsLeft()
    {
        if (OperatingSystem.IsWindows())
            return;
        var catalog = Catalog();
        for (var i = 0; i < 20; i++)
            catalog.NewCredential("Prod", ClientId, $"key-{i}", null, force: true, sessionOnly: false);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
        var files = Directory.GetFiles(_folder, "*", SearchOption.AllDirectories);
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Equal("key-19", Catalog().ResolveCredential("Prod").ApiKey);
    }

    [Fact]
    public async Task AReaderNeverSeesAHalfWrittenFile()
    {
        var catalog = Catalog();
        catalog.NewCredential("Prod", ClientId, "key", null, false, false);
        catalog.AddDestination(new DestinationRecord { Name = "News", Credential = "Prod", ListName = "L" }, false);
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // A torn write would show up here as a Corrupt settings file.
                Assert.StartsWith("x", Catalog().GetDestination("News").Description ?? "x");
                Interlocked.Increment(ref reads);
            }
        }, TaskCreationOptions.LongRunning);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        for (var i = 0; i < 150 || (Volatile.Read(ref reads) < 50 && DateTime.UtcNow < deadline); i++)
            catalog.SetDestination("News", d => d.Description = new string('x', 20_000 + (i % 7) * 15_000));
        stop.Cancel();
        await reader;
        Assert.True(reads > 10, $"only {reads} reads overlapped the writes");
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(_folder, "destinations")), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ \"Name\": \"News\", ")]
    [InlineData("null")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"ConfirmedOptIn\": \"maybe\"}")]
    public void ACorruptFileIsNamedNotThrownAsAStackTrace(string content)
    {
        var catalog = Catalog();
        catalog.NewCredential("Prod", ClientId, "key", null, false, false);
        catalog.AddDestination(new DestinationRecord { Name = "News", Credential = "Prod", ListName = "L" }, false);
        var path = Path.Combine(_folder, "destinations", "News.json");
        File.WriteAllText(path, content);
        var ex = Assert.Throws<SettingsException>(() => Catalog().GetDestination("News"));
        Assert.Equal(SettingsErrorKind.Corrupt, ex.Kind);
        Assert.Contains(path, ex.Message);
        Assert.Contains("not valid", ex.Message);
    }

    [Fact]
    public void AMissingKeyFileIsExplained()
    {
        var catalog = Catalog();
        catalog.NewCredential("Prod", ClientId, "key", null, false, false);
        File.Delete(Path.Combine(_folder, "credentials", "Prod.key"));
        var ex = Assert.Throws<SettingsException>(() => Catalog().ResolveCredential("Prod"));
        Assert.Contains("New-CMCredential -Force", ex.Message);
    }

    [Fact]
    public void ALoosenedKeyFileIsWarnedAboutAndLeftAlone()
    {
        if (OperatingSystem.IsWindows())
            return;
        Catalog().NewCredential("Prod", ClientId, "key", null, false, false);
        var key = Path.Combine(_folder, "credentials", "Prod.key");
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.Equal("key", Catalog().ResolveCredential("Prod").ApiKey);
        Assert.Contains(_warnings, w => w.Contains(key) && w.Contains("mode 604") && w.Contains("chmod 600"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead, File.GetUnixFileMode(key));
    }

    [Fact]
    public void ConcurrentWritersAreSerialisedAndLeaveAValidStore()
    {
        Catalog().NewCredential("Prod", ClientId, "key", null, false, false);
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var catalog = Catalog();
            catalog.AddDestination(new DestinationRecord { Name = $"D{i % 5}", Credential = "Prod", ListName = $"List {i}" }, force: true);
            catalog.SetDestination($"D{i % 5}", d => d.Description = $"changed by {i}");
        });
        var all = Catalog().GetDestinations();
        Assert.Equal(5, all.Count);
        Assert.All(all, d => Assert.StartsWith("changed by", d.Description));
    }

    [Fact]
    public async Task TheLockIsExclusive()
    {
        Task waiting;
        using (Store().Lock())
        {
            waiting = Task.Run(() => Store().Lock().Dispose());
            Thread.Sleep(300);
            Assert.False(waiting.IsCompleted, "a second holder got the lock while the first held it");
        }
        await waiting.WaitAsync(TimeSpan.FromSeconds(5)); // throws TimeoutException if the lock was not handed on
    }

    [Fact]
    public void RulesOfTheCatalog()
    {
        var catalog = Catalog();
        catalog.NewCredential("Prod", ClientId, "key", null, false, false);
        Assert.Equal(SettingsErrorKind.AlreadyExists, Assert.Throws<SettingsException>(() => catalog.NewCredential("prod", ClientId, "key2", null, false, false)).Kind);
        Assert.Equal(SettingsErrorKind.Invalid, Assert.Throws<SettingsException>(() => catalog.NewCredential("env", ClientId, "key", null, false, false)).Kind);
        catalog.AddDestination(new DestinationRecord { Name = "News", Credential = "Prod", ListName = "L" }, false);
        catalog.AddDataTemplate(new DataTemplateRecord { Name = "Crm", Destination = "News", Mapping = { new FieldMapping { Source = "E", Field = "EmailAddress" } } }, false);
        var inUse = Assert.Throws<SettingsException>(() => catalog.RemoveCredential("Prod", force: false));
        Assert.Equal(SettingsErrorKind.InUse, inUse.Kind);
        Assert.Contains("'News'", inUse.Message);
        Assert.Equal(SettingsErrorKind.InUse, Assert.Throws<SettingsException>(() => catalog.RemoveDestination("News", force: false)).Kind);
        Assert.Null(catalog.AddDestination(new DestinationRecord { Name = "Other", Credential = "Prod", ListName = "L" }, false, confirm: () => false));
        Assert.False(catalog.Store.Destinations.Exists("Other"));
        catalog.RemoveDataTemplate("Crm");
        catalog.RemoveDestination("News", force: false);
        catalog.RemoveCredential("Prod", force: false);
        Assert.DoesNotContain(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories), f => !f.EndsWith(".lock", StringComparison.Ordinal));
    }

    [Fact]
    public void BusinessUsersMayReadButNotChange()
    {
        Catalog().NewCredential("Prod", ClientId, "key", null, false, false);
        var business = Catalog(businessUser: true);
        Assert.Equal("Prod", business.ResolveCredential("Prod").Name);
        var ex = Assert.Throws<SettingsException>(() => business.AddDestination(new DestinationRecord { Name = "N", Credential = "Prod", ListName = "L" }, false));
        Assert.Equal(SettingsErrorKind.NotAllowed, ex.Kind);
        Assert.Contains("CM_ROLE=BusinessUser", ex.Message);
        Assert.Equal(SettingsErrorKind.NotAllowed, Assert.Throws<SettingsException>(() => business.RemoveCredential("Prod", true)).Kind);
    }

    [Fact]
    public void SessionCredentialsAreNeverWritten()
    {
        var catalog = Catalog();
        catalog.NewCredential("SessionOnly1", ClientId, "memory-key", null, false, sessionOnly: true);
        try
        {
            Assert.Equal("memory-key", catalog.ResolveCredential("sessiononly1").ApiKey);
            Assert.False(Directory.Exists(_folder) && Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains("memory-key")));
        }
        finally
        {
            catalog.RemoveCredential("SessionOnly1", force: false);
        }
    }
}
