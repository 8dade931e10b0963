using CampaignMonitor.Core.Send;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>The core is internal by default: only the module and the tests (InternalsVisibleTo) call it.</summary>
public class PublicSurfaceTests
{
    [Fact]
    public void TheCoreExportsNoType()
    {
        var exported = typeof(SendEngine).Assembly.GetExportedTypes().Select(t => t.FullName).ToList();
        Assert.True(exported.Count == 0, "The core should export nothing, but exports: " + string.Join(", ", exported));
    }
}
