using CampaignMonitor.Core.Sandbox;
using Xunit;

namespace CampaignMonitor.Sandbox.Tests;

/// <summary>How the sandbox is started: its command line, where its API key may come from, and what it needs.</summary>
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
    public void WithoutTheAspNetCoreRuntimeTheErrorSaysWhatToInstall()
    {
        var root = Directory.CreateTempSubdirectory("no-aspnet-");
        try
        {
            var dotnet = Path.Combine(root.FullName, "dotnet");
            File.WriteAllText(dotnet, "");
            Directory.CreateDirectory(Path.Combine(root.FullName, "shared", "Microsoft.NETCore.App", "10.0.0"));
            var ex = Assert.Throws<InvalidOperationException>(() => DotnetHost.RequireAspNetCore(dotnet));
            Assert.Contains("ASP.NET Core Runtime 10.0", ex.Message);
            Assert.Contains("https://dotnet.microsoft.com/download/dotnet/10.0", ex.Message);
            Directory.CreateDirectory(Path.Combine(root.FullName, "shared", "Microsoft.AspNetCore.App", "10.0.3"));
            DotnetHost.RequireAspNetCore(dotnet);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StartingFailsClearlyWhenTheProgramIsMissing()
    {
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => SandboxProcess.StartAsync(new SandboxStartOptions { SandboxPath = "/nowhere/CampaignMonitor.Sandbox.dll", ApiKey = "k", ClientId = "c" }));
        Assert.Contains("build.ps1 Build", ex.Message);
    }
}
