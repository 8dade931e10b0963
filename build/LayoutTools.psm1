# What the module's layout is made of: the assemblies each part needs, found by following assembly references.
# Used by build.ps1 (to lay out the sandbox) and by the package test (to prove nothing unused ships).
Set-StrictMode -Version 3.0

function Get-AssemblyReference {
    # The names of the assemblies an assembly file references.
    param([Parameter(Mandatory)][string] $Path)
    $stream = [System.IO.File]::OpenRead($Path)
    try {
        $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
        $metadata = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
        foreach ($handle in $metadata.AssemblyReferences) { $metadata.GetString($metadata.GetAssemblyReference($handle).Name) }
        $pe.Dispose()
    }
    finally { $stream.Dispose() }
}

function Get-AssemblyClosure {
    # An assembly file and every candidate (name -> file) it references, directly or through each other.
    param([Parameter(Mandatory)][string] $Start, [Parameter(Mandatory)][hashtable] $Candidates)
    $files = [System.Collections.Generic.List[string]]::new()
    $files.Add($Start)
    $seen = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    for ($i = 0; $i -lt $files.Count; $i++) {
        foreach ($name in Get-AssemblyReference $files[$i]) {
            if ($Candidates.ContainsKey($name) -and $seen.Add($name)) { $files.Add($Candidates[$name]) }
        }
    }
    $files
}

function Copy-SandboxLayout {
    # The sandbox runs on PowerShell's .NET, so of a self-contained publish it needs only itself, Start-Sandbox.ps1
    # and the ASP.NET Core assemblies it references, directly or through each other: none of .NET itself, no host.
    param([Parameter(Mandatory)][string] $Published, [Parameter(Mandatory)][string] $Destination)
    $deps = Get-Content (Join-Path $Published 'CampaignMonitor.Sandbox.deps.json') -Raw | ConvertFrom-Json -AsHashtable
    $aspNetCore = @{}
    foreach ($target in $deps.targets.Values) {
        foreach ($library in $target.GetEnumerator() | Where-Object Key -Like 'runtimepack.Microsoft.AspNetCore.App.Runtime.*') {
            foreach ($file in $library.Value.runtime.Keys) { $aspNetCore[[System.IO.Path]::GetFileNameWithoutExtension($file)] = Join-Path $Published (Split-Path $file -Leaf) }
        }
    }
    if ($aspNetCore.Count -eq 0) { throw "No ASP.NET Core runtime pack in $Published; the sandbox must be published self-contained." }
    $shipped = Get-AssemblyClosure -Start (Join-Path $Published 'CampaignMonitor.Sandbox.dll') -Candidates $aspNetCore
    foreach ($file in $shipped) { Copy-Item $file $Destination }
    Copy-Item (Join-Path $Published 'Start-Sandbox.ps1') $Destination
}

Export-ModuleMember -Function Get-AssemblyReference, Get-AssemblyClosure, Copy-SandboxLayout
