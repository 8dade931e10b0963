using CampaignMonitor.Core.Send.History;
using CampaignMonitor.Core.Settings;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>The run history file: what a line keeps, what it never keeps, and what survives a damaged file.</summary>
public sealed class SendHistoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cm-history-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _warnings = new();

    private SendHistoryStore History() => new(new SettingsStore(_folder, new OwnerOnlyFileProtector(), _warnings.Add));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("Campaign Monitor refused jane.doe+news@example.co.uk: invalid", "Campaign Monitor refused [address]: invalid")]
    [InlineData("'a@b.c' and <x.y@z.org> (q@r.io)", "'[address]' and <[address]> ([address])")]
    [InlineData("No address here: 50% failed @ 10:00", "No address here: 50% failed @ 10:00")]
    public void AnErrorMessageKeepsEverythingButTheAddresses(string message, string stored) =>
        Assert.Equal(stored, SendHistoryStore.WithoutAddresses(message));

    [Fact]
    public void RunsComeBackNewestFirstWithTheirStatusAndModes()
    {
        var history = History();
        var start = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(1));
        history.Append(new SendHistoryEntry { StartTime = start, Destination = "A", Status = SendRunStatus.Completed, Received = 1, Modes = new[] { "Checkpoint" } });
        history.Append(new SendHistoryEntry { StartTime = start.AddMinutes(1), Destination = "B", Status = SendRunStatus.Stopped, Received = 2, Error = "ended for ann@example.com" });
        var read = History().ReadNewestFirst();
        Assert.Equal(new[] { "B", "A" }, read.Select(e => e.Destination));
        Assert.Equal(SendRunStatus.Stopped, read[0].Status);
        Assert.Equal("ended for [address]", read[0].Error);
        Assert.Equal(start, read[1].StartTime);
        Assert.Equal(new[] { "Checkpoint" }, read[1].Modes);
        Assert.DoesNotContain("ann@example.com", File.ReadAllText(history.FilePath));
    }

    [Fact]
    public void ADamagedLineIsLeftOutWithAWarningAndTheOthersStay()
    {
        var history = History();
        history.Append(new SendHistoryEntry { Destination = "A" });
        File.AppendAllText(history.FilePath, "{ broken\n");
        history.Append(new SendHistoryEntry { Destination = "B" });
        Assert.Equal(new[] { "B", "A" }, History().ReadNewestFirst().Select(e => e.Destination));
        Assert.Contains(_warnings, w => w.Contains("not valid", StringComparison.Ordinal));
    }
}
