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
