using CampaignMonitor.Core.Send;
using CampaignMonitor.Core.Send.Incremental;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>The -Incremental state file: its size, what it keeps, and when it is not used.</summary>
public sealed class IncrementalStateTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cm-state-" + Guid.NewGuid().ToString("N"), "nightly.state");

    public void Dispose()
    {
        var folder = Path.GetDirectoryName(_path)!;
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void AMillionAddressesTakeSixteenBytesEachAndReadBack()
    {
        var state = IncrementalState.Open(_path, context: 42, resync: false);
        for (var i = 0; i < 1_000_000; i++)
            state.Confirmed(EmailRule.Fingerprint($"member{i}@example.com"), (ulong)i * 7, i);
        state.Save();
        Assert.Equal(24 + 16L * 1_000_000, new FileInfo(_path).Length);

        var reread = IncrementalState.Open(_path, context: 42, resync: false);
        Assert.Equal(1_000_000, reread.Count);
        Assert.Null(reread.StartedAfresh);
        Assert.True(reread.IsUnchanged(EmailRule.Fingerprint("MEMBER123@example.com"), 123 * 7));
        Assert.False(reread.IsUnchanged(EmailRule.Fingerprint("member123@example.com"), 124 * 7));
        Assert.False(reread.IsUnchanged(EmailRule.Fingerprint("stranger@example.com"), 0));
    }

    [Fact]
    public void TheLastRowOfAnAddressWinsRemovedAddressesLeaveAndOthersStay()
    {
        var a = EmailRule.Fingerprint("a@example.com");
        var b = EmailRule.Fingerprint("b@example.com");
        var c = EmailRule.Fingerprint("c@example.com");
        var first = IncrementalState.Open(_path, 1, resync: false);
        first.Confirmed(a, 1, rowNumber: 1);
        first.Confirmed(b, 1, rowNumber: 2);
        first.Save();

        var second = IncrementalState.Open(_path, 1, resync: false);
        // Batches come back in any order: the row later in the input is what the list holds.
        second.Confirmed(c, 9, rowNumber: 10);
        second.Confirmed(c, 8, rowNumber: 3);
        second.Removed(b);
        second.Save();

        var third = IncrementalState.Open(_path, 1, resync: false);
        Assert.Equal(2, third.Count);
        Assert.True(third.IsUnchanged(a, 1));
        Assert.True(third.IsUnchanged(c, 9));
        Assert.False(third.IsUnchanged(b, 1));
    }

    [Fact]
    public void AStateOfAnotherContextOrWithResyncIsNotUsed()
    {
        var state = IncrementalState.Open(_path, 1, resync: false);
        state.Confirmed(5, 5, 1);
        state.Save();
        Assert.Contains("changed", IncrementalState.Open(_path, 2, resync: false).StartedAfresh);
        Assert.Equal(0, IncrementalState.Open(_path, 2, resync: false).Count);
        Assert.Contains("-Resync", IncrementalState.Open(_path, 1, resync: true).StartedAfresh);
        Assert.Equal(1, IncrementalState.Open(_path, 1, resync: false).Count);
    }

    [Fact]
    public void ADamagedOrForeignFileIsRefusedNotOverwritten()
    {
        var state = IncrementalState.Open(_path, 1, resync: false);
        state.Confirmed(5, 5, 1);
        state.Save();
        var bytes = File.ReadAllBytes(_path);
        File.WriteAllBytes(_path, bytes[..^3]);
        Assert.Equal(SendErrorKind.StateInvalid, Assert.Throws<SendException>(() => IncrementalState.Open(_path, 1, resync: false)).Kind);
        File.WriteAllText(_path, "Email\nsomeone@example.com\n");
        var foreign = Assert.Throws<SendException>(() => IncrementalState.Open(_path, 1, resync: false));
        Assert.Contains("is not an incremental state", foreign.Message);
        Assert.Equal("Email\nsomeone@example.com\n", File.ReadAllText(_path));
    }
}
