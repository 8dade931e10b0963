# The module where most PowerShell users have it: a PowerShell with its own .NET, no dotnet host, no ASP.NET Core
# runtime (issue 15). And a session that already holds its own ASP.NET Core must not meet the sandbox's.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Pwsh = Get-CMSelfContainedPwsh
    $script:Folder = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "cm-selfcontained-$([guid]::NewGuid())")).FullName
    # Where this machine's .NET lives: nothing of it may be used by the module run in the self-contained pwsh.
    $dotnet = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
    $script:DotnetRoot = Split-Path ((Get-Item $dotnet).ResolveLinkTarget($true) ?? (Get-Item $dotnet)).FullName
}

AfterAll {
    Remove-Item $Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A PowerShell with its own .NET, without dotnet or ASP.NET Core' {
    It 'imports the module, starts the sandbox, sends, reads back, meets a fault and stops' {
        $script = Join-Path $Folder 'SelfContained.ps1'
        Set-Content -Path $script -Value @'
param([string] $Manifest)
$ErrorActionPreference = 'Stop'
$report = [ordered]@{ PSHome = $PSHOME; Runtime = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription }
$report.DotnetFound = [bool](Get-Command dotnet -ErrorAction Ignore)
Import-Module $Manifest
$sandbox = Start-CMSandbox
$report.SandboxProgram = (Get-Process -Id $sandbox.ProcessId).Path
$sandbox | New-CMCredential -Name SelfContained | Out-Null
Add-CMDestination -Name Contained -Credential SelfContained -ListName 'Self-contained' | Out-Null
$result = 1..50 | ForEach-Object { [pscustomobject]@{ Email = "contained$_@example.com"; Name = "Contained $_" } } | Send-CMSubscribers -Destination Contained
$report.New = $result.New
$report.Active = (Get-CMListStats -Destination Contained).TotalActiveSubscribers
$report.ReadBack = @(Get-CMSubscriber -Destination Contained).Count
Set-CMSandboxFault -DropRate 1 -PathContains 'import'
$dropped = 1..5 | ForEach-Object { [pscustomobject]@{ Email = "dropped$_@example.com" } } |
    Send-CMSubscribers -Destination Contained -MaxRetries 0 -ErrorAction SilentlyContinue -ErrorVariable faults
$report.FailedUnderFault = $dropped.Failed
$report.Fault = @($dropped.Rejects)[0].Reason
Set-CMSandboxFault -DropRate 0
$report.Files = @(if (Test-Path "/proc/$($sandbox.ProcessId)/maps") {
    Get-Content "/proc/$($sandbox.ProcessId)/maps" | ForEach-Object { ($_ -split '\s+', 6)[5] } | Where-Object { $_ -like '/*' } | Sort-Object -Unique
})
Stop-CMSandbox
$report.Stopped = -not (Get-Process -Id $sandbox.ProcessId -ErrorAction Ignore)
$report | ConvertTo-Json -Depth 3
'@
        # An empty PATH and no DOTNET_ROOT: nothing of this machine's .NET can be found.
        $empty = (New-Item -ItemType Directory -Path (Join-Path $Folder 'empty-path')).FullName
        $saved = @{}
        $environment = @{ PATH = $empty; DOTNET_ROOT = $null; DOTNET_HOST_PATH = $null; CM_CONFIG_DIR = (Join-Path $Folder 'config'); HOME = $Folder }
        foreach ($name in $environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
        try { $said = & $Pwsh -NoProfile -NonInteractive -File $script -Manifest (Get-CMTestManifestPath) 2>&1 }
        finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
        $LASTEXITCODE | Should -Be 0 -Because ($said | Out-String)
        $report = ($said | Out-String) | ConvertFrom-Json

        $report.PSHome | Should -Be (Split-Path $Pwsh)
        $report.DotnetFound | Should -BeFalse
        $report.SandboxProgram | Should -Be $Pwsh
        $report.New | Should -Be 50
        $report.Active | Should -Be 50
        $report.ReadBack | Should -Be 50
        $report.FailedUnderFault | Should -Be 5
        $report.Fault | Should -BeLike '*Could not reach Campaign Monitor*after 1 attempt*'
        $report.Stopped | Should -BeTrue
        if ($IsLinux) {
            # The sandbox ran on the self-contained .NET with the ASP.NET Core the module ships, nothing of the machine's.
            $report.Files | Where-Object { $_.StartsWith($DotnetRoot + '/') } | Should -BeNullOrEmpty
            $report.Files | Should -Contain (Join-Path (Get-CMTestModulePath) 'sandbox/Microsoft.AspNetCore.Server.Kestrel.Core.dll' | Resolve-Path).Path
            $report.Files | Where-Object { $_ -like '*/libcoreclr.so' } | Should -Be (Join-Path (Split-Path $Pwsh) 'libcoreclr.so')
        }
    }
}

Describe 'A session that already holds its own ASP.NET Core' {
    It 'keeps it, and the sandbox still works beside it' {
        $aspNetCore = Get-ChildItem (Join-Path $DotnetRoot 'shared/Microsoft.AspNetCore.App') -Directory | Sort-Object { [version]($_.Name -replace '-.*') } | Select-Object -Last 1
        $run = Invoke-CMFreshPwsh -Script @"
# What a Kestrel-based module does: load the machine's ASP.NET Core into the session.
`$kestrel = [System.Reflection.Assembly]::LoadFrom('$(Join-Path $aspNetCore.FullName 'Microsoft.AspNetCore.Server.Kestrel.Core.dll')')
`$null = [System.Reflection.Assembly]::LoadFrom('$(Join-Path $aspNetCore.FullName 'Microsoft.AspNetCore.Http.Abstractions.dll')')
Import-Module `$Manifest
`$env:CM_CONFIG_DIR = '$(Join-Path $Folder 'config-beside')'
`$sandbox = Start-CMSandbox
`$sandbox | New-CMCredential -Name Beside -SessionOnly | Out-Null
Add-CMDestination -Name Beside -Credential Beside -ListName 'Beside' | Out-Null
`$sent = 1..20 | ForEach-Object { [pscustomobject]@{ Email = "beside`$_@example.com" } } | Send-CMSubscribers -Destination Beside
Stop-CMSandbox
`$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object GetName
[ordered]@{
    Sent = `$sent.New
    Kestrels = @(`$loaded | Where-Object Name -eq 'Microsoft.AspNetCore.Server.Kestrel.Core' | ForEach-Object { `$_.Version.ToString() })
    SessionKestrel = `$kestrel.GetName().Version.ToString()
    SandboxInSession = @(`$loaded | Where-Object Name -eq 'CampaignMonitor.Sandbox').Count
} | ConvertTo-Json
"@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $report = $run.Output | ConvertFrom-Json
        $report.Sent | Should -Be 20
        $report.Kestrels | Should -Be @($report.SessionKestrel)
        $report.SandboxInSession | Should -Be 0
    }
}
