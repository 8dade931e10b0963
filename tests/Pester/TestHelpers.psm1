# Shared by the Pester tests: where the built module is, and how to run code in a fresh pwsh.
Set-StrictMode -Version 3.0

function Get-CMTestModulePath {
    if ($env:CM_TEST_MODULE_PATH) { return $env:CM_TEST_MODULE_PATH }
    Join-Path $PSScriptRoot '../../out/CampaignMonitor'
}

function Get-CMTestManifestPath { Join-Path (Get-CMTestModulePath) 'CampaignMonitor.psd1' }

function Invoke-CMFreshPwsh {
    <#
    Runs a script in a new pwsh process (no profile, non-interactive) and returns what it printed:
    stdout and stderr merged, as one string. The script gets $Manifest (the module's psd1) predefined.
    #>
    param(
        [Parameter(Mandatory)][string] $Script,
        [hashtable] $Environment = @{}
    )
    $prelude = "`$ErrorActionPreference = 'Stop'; `$Manifest = '$(Get-CMTestManifestPath)';`n"
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($prelude + $Script))
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

Export-ModuleMember -Function Get-CMTestModulePath, Get-CMTestManifestPath, Invoke-CMFreshPwsh
