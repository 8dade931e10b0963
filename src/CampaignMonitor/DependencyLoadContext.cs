using System.Reflection;
using System.Runtime.Loader;

namespace CampaignMonitor;

/// <summary>The module's private load context over <c>Dependencies/</c>.</summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    public static DependencyLoadContext Instance { get; } = new(
        Path.Combine(Path.GetDirectoryName(typeof(DependencyLoadContext).Assembly.Location)!, "Dependencies"));

    private readonly string _folder;

    private DependencyLoadContext(string folder) : base("CampaignMonitor.Dependencies", isCollectible: false) => _folder = folder;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(_folder, assemblyName.Name + ".dll");
        // Not ours (System.*, System.Text.Json, ...): null lets the default context give pwsh's own copy.
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
