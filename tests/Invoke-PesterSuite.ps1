<#
.SYNOPSIS
    Runs every Pester test under tests/Pester against a built module; writes {Passed, Failed} as JSON.
    build.ps1 Test starts this in a child pwsh, so the build session never loads the module.
#>
param(
    [Parameter(Mandatory)][string] $PesterPath,
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $ResultPath,
    [string] $ForeignPollyPath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force

# Read by the test files (TestHelpers.psm1): where the module and test assets are.
$env:CM_TEST_MODULE_PATH = $ModulePath
$env:CM_TEST_FOREIGN_POLLY = $ForeignPollyPath

$config = New-PesterConfiguration
# Our tests, and the example runbook's own test (the way we tell users to test theirs).
$config.Run.Path = @((Join-Path $PSScriptRoot 'Pester'), (Join-Path $PSScriptRoot '../examples'))
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.Output.RenderMode = 'Plaintext'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = [System.IO.Path]::ChangeExtension($ResultPath, '.xml')
$run = Invoke-Pester -Configuration $config

# A container that failed to run (a syntax error, a failing BeforeAll) counts as a failure too.
$failed = $run.FailedCount + $run.FailedBlocksCount + $run.FailedContainersCount
@{ Passed = $run.PassedCount; Failed = $failed } | ConvertTo-Json | Set-Content -Path $ResultPath
