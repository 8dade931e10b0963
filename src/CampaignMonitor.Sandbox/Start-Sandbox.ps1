# Runs the sandbox on this PowerShell's own .NET: the ASP.NET Core assemblies shipped beside it are loaded in an
# AssemblyLoadContext of their own, so it needs no dotnet host and no ASP.NET Core runtime. Start-CMSandbox starts
# it in a child pwsh; the arguments go to the sandbox as they are (docs/sandbox.md, "Starting it by hand").
$ErrorActionPreference = 'Stop'
$invariant = [System.Globalization.CultureInfo]::InvariantCulture
[System.Globalization.CultureInfo]::DefaultThreadCurrentCulture = $invariant
[System.Globalization.CultureInfo]::CurrentCulture = $invariant
$context = [System.Runtime.Loader.AssemblyLoadContext]::new('CampaignMonitor.Sandbox', $false)
# Loaded up front: a reference between them then binds inside this context, never to another copy.
foreach ($file in [System.IO.Directory]::GetFiles($PSScriptRoot, '*.dll')) { $null = $context.LoadFromAssemblyPath($file) }
$program = $context.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('CampaignMonitor.Sandbox'))
try {
    $exitCode = $program.EntryPoint.Invoke($null, @(, [string[]] $args))
}
catch {
    # One line for Start-CMSandbox to show: the innermost reason, never PowerShell's wrapping of it.
    $reason = $_.Exception
    while ($reason.InnerException) { $reason = $reason.InnerException }
    [Console]::Error.WriteLine($reason.Message)
    exit 1
}
exit [int] $exitCode
