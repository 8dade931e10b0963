using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace CampaignMonitor;

/// <summary>
/// Loads the core and its third-party dependencies (Polly.Core, ...) from <c>Dependencies/</c> into a private
/// <see cref="AssemblyLoadContext"/>, so another module's copy of the same assemblies never meets ours
/// (the pattern of PowerShell's "resolving dependency conflicts" guide).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    /// <summary>The only assembly the default context ever asks us for: everything else resolves inside ours.</summary>
    private const string CoreAssemblyName = "CampaignMonitor.Core";

    public void OnImport() => AssemblyLoadContext.Default.Resolving += ResolveCore;

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        SandboxRegistry.StopAll();
        AssemblyLoadContext.Default.Resolving -= ResolveCore;
    }

    private static Assembly? ResolveCore(AssemblyLoadContext context, AssemblyName name) =>
        string.Equals(name.Name, CoreAssemblyName, StringComparison.Ordinal)
            ? DependencyLoadContext.Instance.LoadFromAssemblyName(name)
            : null;
}

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
