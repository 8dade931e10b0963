#requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks the CampaignMonitor module.
.DESCRIPTION
    Tasks:
      Build  lays out an importable module at out/CampaignMonitor/ (assemblies, manifest, format and help files).
      Test   builds, then runs every xunit and Pester test, and ends with "Tests: N passed, N failed".
      Demo   the main job against the local sandbox.
      Bench  the benchmark suite.
      TestRunbook  builds, then runs your runbook's Pester tests (-Path) against the built module (-NoBuild: the one in out/).
      Package  builds, then writes out/packages/CampaignMonitor.<version>.nupkg for Install-PSResource (-NoBuild: from out/).
      Clean  removes out/ and every bin/ and obj/ folder.
    Everything the script needs (Pester, test assets) is fetched by the script itself from NuGet.
.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Clean', 'TestRunbook', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Bench: every scenario at a small size, written under out/ (part of the test run).
    [switch] $Quick,

    # TestRunbook: the Pester test files (or folders) to run against the built module.
    [string[]] $Path,

    # TestRunbook, Package: use the module already laid out in out/ instead of building it first.
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot 'build/LayoutTools.psm1') -Force
$env:NO_COLOR = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'CampaignMonitor'
$ToolsDir = Join-Path $Out 'tools'
$ResultsDir = Join-Path $Out 'test-results'
$PesterVersion = '5.7.1'
# A Polly.Core other than the module's own, loaded first in the isolation test.
$ForeignPollyVersion = '8.4.2'

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    param([Parameter(Mandatory)][string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-ChildPwsh {
    # The same pwsh as this one, as a command line: a child process never holds this session's assemblies.
    @('dotnet', (Join-Path $PSHOME 'pwsh.dll'))
}

function Install-NuGetTool {
    # Downloads a NuGet package into out/tools once; returns its folder.
    param([Parameter(Mandatory)][string] $Id, [Parameter(Mandatory)][string] $Version)
    $folder = Join-Path $ToolsDir $Id.ToLowerInvariant() $Version
    if (-not (Test-Path (Join-Path $folder '.nupkg.metadata'))) {
        Invoke-Native dotnet @('package', 'download', "$Id@$Version", '-o', $ToolsDir) | Out-Host
    }
    $folder
}

function Get-ReleaseNotes {
    # The section of CHANGELOG.md for a version, without its heading: what changed, in users' words.
    param([Parameter(Mandatory)][string] $Version)
    $lines = Get-Content (Join-Path $Root 'CHANGELOG.md')
    $start = [array]::FindIndex([string[]] $lines, [Predicate[string]] { param($line) $line -like "## ``[$Version``]*" })
    if ($start -lt 0) { throw "CHANGELOG.md has no section '## [$Version]': say what changed in this version before building it." }
    $section = for ($i = $start + 1; $i -lt $lines.Count -and $lines[$i] -notlike '## *' -and $lines[$i] -notmatch '^\[[^\]]+\]: '; $i++) { $lines[$i] }
    ($section -join "`n").Trim()
}

function Set-ReleaseNotes {
    # Writes the changelog's section into the laid-out manifest (the source keeps ReleaseNotes = '').
    param([Parameter(Mandatory)][string] $Manifest, [Parameter(Mandatory)][string] $Version)
    $notes = (Get-ReleaseNotes -Version $Version).Replace("'", "''")
    $text = Get-Content $Manifest -Raw
    if ($text -notmatch "ReleaseNotes\s*=\s*''") { throw "$Manifest has no ReleaseNotes = '' to fill in." }
    Set-Content -Path $Manifest -Value ($text -replace "ReleaseNotes\s*=\s*''", "ReleaseNotes = '$($notes -replace '\$', '$$$$')'") -NoNewline
}

function Invoke-Package {
    # A nupkg made by PSResourceGet (Publish-PSResource to a folder repository registered for this call only).
    if (-not $NoBuild) { Invoke-Build }
    elseif (-not (Test-Path (Join-Path $ModuleOut 'CampaignMonitor.psd1'))) { throw "-NoBuild, but there is no module in $ModuleOut yet: run ./build.ps1 Build once." }
    $version = (Import-PowerShellDataFile (Join-Path $ModuleOut 'CampaignMonitor.psd1')).ModuleVersion
    $packages = New-Item -ItemType Directory -Path (Join-Path $Out 'packages') -Force
    $package = Join-Path $packages "CampaignMonitor.$version.nupkg"
    if (Test-Path $package) { Remove-Item $package -Force }
    $repository = "CampaignMonitorBuild-$([guid]::NewGuid().ToString('n'))"
    Register-PSResourceRepository -Name $repository -Uri $packages.FullName -Trusted
    try { Publish-PSResource -Path $ModuleOut -Repository $repository }
    finally { Unregister-PSResourceRepository -Name $repository }
    if (-not (Test-Path $package)) { throw "Publish-PSResource did not write $package." }
    Write-Host "Package written: $package"
}

function Invoke-Build {
    $version = (Import-PowerShellDataFile (Join-Path $Root 'CampaignMonitor.psd1')).ModuleVersion
    Write-Host "Building CampaignMonitor $version ($Configuration)"
    $publish = Join-Path $Out 'publish'
    if (Test-Path $publish) { Remove-Item $publish -Recurse -Force }
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/CampaignMonitor/CampaignMonitor.csproj'), '-c', $Configuration, '-o', $publish, '--nologo', '-v', 'quiet')

    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $dependencies = New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'Dependencies') -Force
    # pwsh loads the PowerShell layer itself; everything else goes to Dependencies/ and is loaded in the
    # module's own AssemblyLoadContext.
    # Only what runs is shipped: no symbols, no host files.
    $moduleFiles = 'CampaignMonitor.dll', 'CampaignMonitor.Format.ps1xml'
    foreach ($file in Get-ChildItem $publish -File) {
        if ($file.Name -in $moduleFiles) { Copy-Item $file.FullName $ModuleOut }
        elseif ($file.Extension -eq '.dll') { Copy-Item $file.FullName $dependencies }
    }
    foreach ($forbidden in 'System.Management.Automation.dll', 'System.Text.Json.dll') {
        if (Test-Path (Join-Path $dependencies $forbidden)) { throw "$forbidden must not ship with the module: pwsh already has it." }
    }
    Copy-Item (Join-Path $Root 'CampaignMonitor.psd1') $ModuleOut
    Set-ReleaseNotes -Manifest (Join-Path $ModuleOut 'CampaignMonitor.psd1') -Version $version

    # The sandbox: a separate program (ASP.NET Core, net8.0) that Start-CMSandbox runs in a child pwsh.
    $sandboxPublish = Join-Path $Out 'sandbox-publish'
    if (Test-Path $sandboxPublish) { Remove-Item $sandboxPublish -Recurse -Force }
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/CampaignMonitor.Sandbox/CampaignMonitor.Sandbox.csproj'), '-c', $Configuration,
        '-r', 'linux-x64', '--self-contained', 'true', '-o', $sandboxPublish, '--nologo', '-v', 'quiet')
    Copy-SandboxLayout -Published $sandboxPublish -Destination (New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'sandbox') -Force).FullName

    # Help: docs/*.md compiled to MAML in a child pwsh that imports the module just laid out; the about topic as is.
    $helpDir = New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'en-US') -Force
    Copy-Item (Join-Path $Root 'docs/about/*.help.txt') $helpDir
    $script = "Import-Module '$(Join-Path $Root 'build/HelpTools.psm1')'; " +
        "Export-CMMamlHelp -ModulePath '$ModuleOut' -DocsPath '$(Join-Path $Root 'docs/cmdlets')' -OutputPath '$(Join-Path $helpDir 'CampaignMonitor.dll-Help.xml')'"
    $child = Get-ChildPwsh
    Invoke-Native $child[0] @($child[1], '-NoProfile', '-NonInteractive', '-Command', $script)
    Write-Host "Module laid out at $ModuleOut"
}

function Read-TrxCounts {
    param([string] $Folder)
    $passed = 0; $failed = 0
    foreach ($trx in Get-ChildItem $Folder -Filter *.trx -Recurse) {
        [xml] $xml = Get-Content $trx.FullName -Raw
        $counters = $xml.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Invoke-Test {
    Invoke-Build
    if (Test-Path $ResultsDir) { Remove-Item $ResultsDir -Recurse -Force }
    New-Item -ItemType Directory -Path $ResultsDir | Out-Null
    $passed = 0; $failed = 0

    Write-Host "`n== xunit"
    $xunitDir = Join-Path $ResultsDir 'xunit'
    & dotnet test (Join-Path $Root 'CampaignMonitor.sln') -c $Configuration --nologo -v quiet `
        --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $xunitDir
    $xunitExit = $LASTEXITCODE
    $xunit = Read-TrxCounts $xunitDir
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) {
        # The run broke before reporting (a build error, a crashed host): count it, never hide it.
        $xunit.Failed = 1
    }
    $passed += $xunit.Passed; $failed += $xunit.Failed
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed"

    Write-Host "`n== Pester"
    $pester = Install-NuGetTool -Id 'Pester' -Version $PesterVersion
    $foreignPolly = Install-NuGetTool -Id 'Polly.Core' -Version $ForeignPollyVersion
    $pesterJson = Join-Path $ResultsDir 'pester.json'
    $child = Get-ChildPwsh
    & $child[0] $child[1] -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Invoke-PesterSuite.ps1') `
        -PesterPath (Join-Path $pester 'tools/Pester.psd1') -ModulePath $ModuleOut -ResultPath $pesterJson `
        -ForeignPollyPath (Join-Path $foreignPolly 'lib/net8.0/Polly.Core.dll')
    if (Test-Path $pesterJson) {
        $counts = Get-Content $pesterJson -Raw | ConvertFrom-Json
        $passed += $counts.Passed; $failed += $counts.Failed
        Write-Host "Pester: $($counts.Passed) passed, $($counts.Failed) failed"
    }
    else {
        Write-Host 'Pester: the run ended without reporting results.'
        $failed += 1
    }

    Write-Host ''
    Write-Host "Tests: $passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Clean {
    if (Test-Path $Out) { Remove-Item $Out -Recurse -Force }
    Get-ChildItem $Root -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force
}

function Invoke-Demo {
    Invoke-Build
    $child = Get-ChildPwsh
    Invoke-Native $child[0] @($child[1], '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'examples/Demo.ps1'), '-ModulePath', $ModuleOut)
}

function Invoke-Bench {
    Invoke-Build
    # Full sizes write the committed results in bench/; -Quick (the test suite's run) writes under out/ only.
    $output = if ($Quick) { Join-Path $Out 'bench' } else { Join-Path $Root 'bench' }
    $child = Get-ChildPwsh
    $arguments = @($child[1], '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'bench/Invoke-Benchmark.ps1'), '-ModulePath', $ModuleOut, '-OutputPath', $output)
    if ($Quick) { $arguments += '-Quick' }
    Invoke-Native $child[0] $arguments
}

function Invoke-TestRunbook {
    # A runbook's own Pester tests against the module just built, the way we test examples/Sync-Newsletter.ps1.
    if (-not $Path) { throw 'Give the test file(s) to run: ./build.ps1 TestRunbook -Path ./my-runbook.Tests.ps1' }
    $tests = foreach ($item in $Path) { (Resolve-Path $item).Path }
    if (-not $NoBuild) { Invoke-Build }
    elseif (-not (Test-Path (Join-Path $ModuleOut 'CampaignMonitor.psd1'))) { throw "-NoBuild, but there is no module in $ModuleOut yet: run ./build.ps1 Build once." }
    $pester = Install-NuGetTool -Id 'Pester' -Version $PesterVersion
    $script = "`$ErrorActionPreference = 'Stop'; Import-Module '$(Join-Path $pester 'tools/Pester.psd1')'; `$env:CM_TEST_MODULE_PATH = '$ModuleOut'; " +
        "`$run = Invoke-Pester -Path @('$($tests -join "','")') -PassThru -Output Detailed; exit (`$run.FailedCount + `$run.FailedBlocksCount + `$run.FailedContainersCount)"
    $child = Get-ChildPwsh
    Invoke-Native $child[0] @($child[1], '-NoProfile', '-NonInteractive', '-Command', $script)
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Clean' { Invoke-Clean }
    'TestRunbook' { Invoke-TestRunbook }
    'Package' { Invoke-Package }
}
