using CampaignMonitor.Core.Sandbox;
using Xunit;

namespace CampaignMonitor.Sandbox.Tests;

/// <summary>How the sandbox is started: its command line, where its API key may come from, and which program runs it.</summary>
public class StartupTests
{
    [Fact]
    public void TheKeyComesFromTheEnvironmentOrStdinNeverTheCommandLine()
    {
        Assert.Equal("from-env", CommandLine.Parse(Array.Empty<string>(), "from-env", TextReader.Null).ApiKey);
        Assert.Equal("from-stdin", CommandLine.Parse(new[] { "--api-key-stdin" }, "from-env", new StringReader("from-stdin\n")).ApiKey);
        var refused = Assert.Throws<ArgumentException>(() => CommandLine.Parse(new[] { "--api-key", "secret" }, null, TextReader.Null));
        Assert.Contains("never taken from the command line", refused.Message);
        Assert.DoesNotContain("secret", refused.Message);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(Array.Empty<string>(), null, TextReader.Null));
    }

    [Fact]
    public void FaultsAndSeedDataCanBeGivenAtStart()
    {
        var options = CommandLine.Parse(new[]
        {
            "--port", "0", "--client-id", "abc", "--parent-pid", "1",
            "--faults", """{"ErrorRate":0.1,"RateLimit":5,"RateLimitHeaders":"Never","Seed":9}""",
            "--seed-data", """{"ListName":"Start","Active":12,"Campaigns":1}""",
        }, "k", TextReader.Null);
        Assert.Equal("abc", options.ClientId);
        Assert.Equal(1, options.ParentProcessId);
        Assert.Equal(0.1, options.Faults.ErrorRate);
        Assert.Equal("Never", options.Faults.RateLimitHeaders);
        Assert.Equal(12, options.SeedData!.Active);
        var bad = Assert.Throws<ArgumentException>(() => CommandLine.Parse(new[] { "--faults", """{"DropBeforeRate":3}""" }, "k", TextReader.Null));
        Assert.Contains("DropBeforeRate must be between 0 and 1", bad.Message);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(new[] { "--port", "70000" }, "k", TextReader.Null));
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(new[] { "--colour" }, "k", TextReader.Null));
    }

    [Fact]
    public async Task SeedDataGivenAtStartIsThere()
    {
        await using var sandbox = await SandboxHost.StartAsync(seed: new State.SeedSpec { ListName = "Start", Active = 12 });
        var (_, lists) = await sandbox.GetAsync($"clients/{SandboxHost.ClientId}/lists.json");
        var id = lists[0].GetProperty("ListID").GetString();
        var (_, stats) = await sandbox.GetAsync($"lists/{id}/stats.json");
        Assert.Equal(12, stats.GetProperty("TotalActiveSubscribers").GetInt32());
    }

    [Fact]
    public void TheSandboxRunsInTheSamePowerShellThatRunsTheModule()
    {
        var home = Directory.CreateTempSubdirectory("pshome-");
        try
        {
            var pwsh = Path.Combine(home.FullName, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
            var dotnet = Path.Combine("/usr/lib/dotnet", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            var host = Path.Combine(home.FullName, "SomeHostingApp");

            // pwsh itself (installed PowerShell, or a self-contained one): the same program.
            Assert.Equal(pwsh, Line(PowerShellHost.Command(pwsh, home.FullName)));
            // Under dotnet (the .NET tool), but with no pwsh.dll: refused, naming what was looked for.
            var refused = Assert.Throws<InvalidOperationException>(() => PowerShellHost.Command(dotnet, home.FullName));
            Assert.Contains("PowerShell 7.4 or later", refused.Message);
            File.WriteAllText(Path.Combine(home.FullName, "pwsh.dll"), "");
            Assert.Equal($"{dotnet} {Path.Combine(home.FullName, "pwsh.dll")}", Line(PowerShellHost.Command(dotnet, home.FullName)));
            // PowerShell hosted in another program: the pwsh of its $PSHOME.
            Assert.Throws<InvalidOperationException>(() => PowerShellHost.Command(host, home.FullName));
            File.WriteAllText(pwsh, "");
            Assert.Equal(pwsh, Line(PowerShellHost.Command(host, home.FullName)));
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    /// <summary>A command line as one string, to compare by value.</summary>
    private static string Line((string FileName, IReadOnlyList<string> Arguments) command) => string.Join(" ", command.Arguments.Prepend(command.FileName));

    [Fact]
    public async Task StartingFailsClearlyWhenTheProgramIsMissing()
    {
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => SandboxProcess.StartAsync(new SandboxStartOptions { ScriptPath = "/nowhere/Start-Sandbox.ps1", ApiKey = "k", ClientId = "c" }));
        Assert.Contains("build.ps1 Build", ex.Message);
    }
}
