using System.Text;
using System.Text.Json;

namespace CampaignMonitor.Core.Sandbox;

/// <summary>Finds the dotnet host that runs the sandbox, and checks it has the ASP.NET Core runtime.</summary>
internal static class DotnetHost
{
    public const string RequiredAspNetCoreMajor = "10.";

    public static string Find()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        // Under `dotnet pwsh` (the local tool) this process is dotnet itself.
        if (Environment.ProcessPath is { } self && string.Equals(Path.GetFileName(self), exe, StringComparison.OrdinalIgnoreCase))
            return self;
        foreach (var root in new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT"), Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host ? Path.GetDirectoryName(host) : null })
        {
            if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, exe)))
                return Path.Combine(root, exe);
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, exe);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException(
            "The sandbox needs the .NET runtime with ASP.NET Core 10 ('dotnet' was not found). Install the ASP.NET Core Runtime 10.0 from https://dotnet.microsoft.com/download/dotnet/10.0, or set DOTNET_ROOT.");
    }

    public static void RequireAspNetCore(string dotnet)
    {
        var root = Path.GetDirectoryName(ResolveLink(dotnet))!;
        var shared = Path.Combine(root, "shared", "Microsoft.AspNetCore.App");
        var found = Directory.Exists(shared) && Directory.EnumerateDirectories(shared).Any(d => Path.GetFileName(d).StartsWith(RequiredAspNetCoreMajor, StringComparison.Ordinal));
        if (!found)
        {
            throw new InvalidOperationException(
                $"The sandbox needs the ASP.NET Core Runtime 10.0 (Microsoft.AspNetCore.App), which '{root}' does not have. Install it from https://dotnet.microsoft.com/download/dotnet/10.0 (for example: apt-get install aspnetcore-runtime-10.0).");
        }
    }

    private static string ResolveLink(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? path : (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path);
    }
}
