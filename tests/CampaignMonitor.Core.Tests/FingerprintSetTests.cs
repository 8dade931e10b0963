using CampaignMonitor.Core.Send;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>The set of seen addresses behind duplicate counting: it must agree with a HashSet on any input.</summary>
public class FingerprintSetTests
{
    [Fact]
    public void AgreesWithAHashSetThroughManyGrowths()
    {
        var random = new Random(7);
        var set = new FingerprintSet();
        var reference = new HashSet<ulong>();
        for (var i = 0; i < 200_000; i++)
        {
            // Some repeats, some tiny values, some zeros, mostly random 64-bit numbers.
            var value = (i % 10) switch
            {
                0 => (ulong)random.Next(0, 50),
                1 => reference.Count > 0 && i % 20 == 1 ? reference.First() : (ulong)random.NextInt64(),
                _ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33),
            };
            Assert.Equal(reference.Add(value), set.Add(value));
        }
        Assert.Equal(reference.Count, set.Count);
        Assert.All(reference.Take(1000), v => Assert.True(set.Contains(v)));
        for (var i = 0; i < 1000; i++)
        {
            var other = (ulong)random.NextInt64();
            Assert.Equal(reference.Contains(other), set.Contains(other));
        }
    }

    [Fact]
    public void ZeroIsAFingerprintLikeAnyOther()
    {
        var set = new FingerprintSet();
        Assert.False(set.Contains(0));
        Assert.True(set.Add(0));
        Assert.False(set.Add(0));
        Assert.True(set.Contains(0));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void TheSameAddressInAnyCaseIsSeenOnce()
    {
        var set = new FingerprintSet();
        Assert.True(set.Add(EmailRule.Fingerprint("Ana@Example.com")));
        Assert.False(set.Add(EmailRule.Fingerprint(" ana@example.COM ")));
        Assert.True(set.Add(EmailRule.Fingerprint("ana2@example.com")));
    }
}
