namespace CampaignMonitor.Core.Sandbox;

/// <summary>
/// The command that starts another process of the PowerShell running the module. The sandbox runs in it, on
/// PowerShell's own .NET, so it needs nothing PowerShell does not have: no dotnet host, no ASP.NET Core runtime.
/// </summary>
internal static class PowerShellHost
{
    /// <summary>
    /// The program to start and the arguments that come before PowerShell's own: this process when it is pwsh;
    /// dotnet with pwsh.dll when pwsh runs under dotnet (the .NET tool); otherwise (PowerShell hosted in another
    /// program) the pwsh in <paramref name="powerShellHome"/>.
    /// </summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Command(string? processPath, string powerShellHome)
    {
        var pwsh = OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh";
        var dotnet = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var self = processPath is null ? "" : Path.GetFileName(processPath);
        if (string.Equals(self, pwsh, StringComparison.OrdinalIgnoreCase))
            return (processPath!, Array.Empty<string>());
        var pwshDll = Path.Combine(powerShellHome, "pwsh.dll");
        if (string.Equals(self, dotnet, StringComparison.OrdinalIgnoreCase) && File.Exists(pwshDll))
            return (processPath!, new[] { pwshDll });
        var beside = Path.Combine(powerShellHome, pwsh);
        if (File.Exists(beside))
            return (beside, Array.Empty<string>());
        throw new InvalidOperationException(
            $"The sandbox runs in a PowerShell process, and none was found: this program is '{processPath}' and '{powerShellHome}' has no {pwsh}. Start-CMSandbox from pwsh (PowerShell 7.4 or later).");
    }
}
