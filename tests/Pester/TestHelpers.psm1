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


function Invoke-CMSandboxApi {
    <# A raw GET against a sandbox's API, for tests that check what really arrived (not what the module says). #>
    param([Parameter(Mandatory)] $Sandbox, [Parameter(Mandatory)][string] $Path)
    $credential = [pscredential]::new([System.Net.NetworkCredential]::new('', $Sandbox.ApiKey).Password, (ConvertTo-SecureString 'x' -AsPlainText -Force))
    Invoke-RestMethod -Uri ($Sandbox.BaseUri + $Path) -Authentication Basic -Credential $credential -AllowUnencryptedAuthentication
}

function Invoke-CMSandboxControl {
    <# A call to a sandbox's own controls (/_sandbox/...), e.g. PUT mode @{ KeepBodies = $true } or GET bodies. #>
    param([Parameter(Mandatory)] $Sandbox, [Parameter(Mandatory)][string] $Path, [string] $Method = 'GET', $Body)
    $credential = [pscredential]::new([System.Net.NetworkCredential]::new('', $Sandbox.ApiKey).Password, (ConvertTo-SecureString 'x' -AsPlainText -Force))
    $uri = ($Sandbox.BaseUri -replace 'api/v3\.3/$', '_sandbox/') + $Path
    $json = if ($null -ne $Body) { ConvertTo-Json $Body -Compress } else { $null }
    Invoke-RestMethod -Uri $uri -Method $Method -Body $json -ContentType 'application/json' -Authentication Basic -Credential $credential -AllowUnencryptedAuthentication
}

function Add-CMHostileTemplate {
    <# The data template 'Crm' the hostile input corpus (assets/HostileInputs.ps1) is written for, on a destination. #>
    param([Parameter(Mandatory)][string] $Destination)
    Add-CMDataTemplate -Name Crm -Destination $Destination -ConsentToTrack Yes -Mapping ([ordered]@{
            Email = 'EmailAddress'; Name = 'Name'; Zip = 'Zip'; Consent = 'ConsentToTrack'
            Tier = @{ Field = 'Tier'; Type = 'MultiSelectOne'; Options = 'Gold', 'Silver' }
            Likes = @{ Field = 'Likes'; Type = 'MultiSelectMany'; Options = 'Books', 'Music'; Separator = ';' }
            Joined = @{ Field = 'Joined'; Type = 'Date' }
            Points = @{ Field = 'Points'; Type = 'Number' }
        }) | Out-Null
}

function Get-CMSandboxListRows {
    <# Every subscriber of a sandbox list in one state, read page by page straight from the API. #>
    param([Parameter(Mandatory)] $Sandbox, [Parameter(Mandatory)][string] $ListId, [string] $State = 'active')
    $page = 1
    do {
        $answer = Invoke-CMSandboxApi -Sandbox $Sandbox -Path "lists/$ListId/$State.json?page=$page&pagesize=1000&includetrackingpreference=true"
        $answer.Results
        $page++
    } while ($page -le $answer.NumberOfPages)
}

function Assert-CMAccounting {
    <# The identity every send result must satisfy. #>
    param([Parameter(Mandatory)] $Result)
    $sum = $Result.New + $Result.Existing + $Result.Duplicates + $Result.Rejected + $Result.Failed + $Result.Skipped + $Result.Unchanged + $Result.WouldSend
    if ($sum -ne $Result.Received) { throw "Received $($Result.Received) but New+Existing+Duplicates+Rejected+Failed+Skipped+Unchanged+WouldSend = $sum" }
}

function Get-CMSelfContainedPwsh {
    <#
    A PowerShell with its own .NET, like one installed from an MSI, apt, brew or a Docker image: published
    self-contained from tests/SelfContainedPwsh (once, into out/), with the built-in modules of this pwsh beside it.
    Returns the path of its pwsh executable.
    #>
    $folder = Join-Path $PSScriptRoot '../../out/selfcontained-pwsh'
    $exe = Join-Path $folder ($IsWindows ? 'pwsh.exe' : 'pwsh')
    if (-not (Test-Path (Join-Path $folder 'Modules'))) {
        $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
        $said = & dotnet publish (Join-Path $PSScriptRoot '../SelfContainedPwsh/SelfContainedPwsh.csproj') -c Release -r $rid -o $folder --nologo -v quiet 2>&1
        if ($LASTEXITCODE -ne 0) { throw "Publishing the self-contained pwsh failed: $($said | Out-String)" }
        Copy-Item (Join-Path $PSHOME 'Modules') $folder -Recurse
    }
    (Resolve-Path $exe).Path
}

function Enter-CMTestSandbox {
    <#
    What most test files start with: an empty settings folder of their own (CM_CONFIG_DIR, the old value kept for
    Exit-CMTestSandbox), a sandbox, and the credential 'Sandbox' pointing at it. Returns the sandbox.
    #>
    param([Parameter(Mandatory)][string] $Name)
    $script:SavedConfigDir = $env:CM_CONFIG_DIR
    $env:CM_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "cm-$Name-$([guid]::NewGuid())"
    $sandbox = Start-CMSandbox
    $sandbox | New-CMCredential -Name Sandbox | Out-Null
    $sandbox
}

function Exit-CMTestSandbox {
    <# Stops the sandbox, removes the settings folder Enter-CMTestSandbox made, and puts CM_CONFIG_DIR back. #>
    param([Parameter(Mandatory)] $Sandbox)
    Stop-CMSandbox -Sandbox $Sandbox
    Remove-Item $env:CM_CONFIG_DIR -Recurse -Force -ErrorAction SilentlyContinue
    $env:CM_CONFIG_DIR = $script:SavedConfigDir
}

function Stop-CMSendMidway {
    <#
    Runs a send in a runspace of this process (the module imported, this settings folder) and stops it as Ctrl+C
    does, once the sandbox has confirmed -AfterImports import requests (or after 60 s).
    #>
    param([Parameter(Mandatory)][string] $Send, [int] $AfterImports = 3)
    $shell = [powershell]::Create()
    try {
        $null = $shell.AddScript("Import-Module '$(Get-CMTestManifestPath)'; `$env:CM_CONFIG_DIR = '$($env:CM_CONFIG_DIR)'`n$Send")
        $null = $shell.BeginInvoke()
        $deadline = (Get-Date).AddSeconds(60)
        while (@(Get-CMSandboxRequest -Path '*import.json' | Where-Object Status -EQ 201).Count -lt $AfterImports -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 20 }
        $shell.Stop()
    }
    finally { $shell.Dispose() }
}

Export-ModuleMember -Function Stop-CMSendMidway, Enter-CMTestSandbox, Exit-CMTestSandbox, Get-CMSelfContainedPwsh, Get-CMTestModulePath, Get-CMTestManifestPath, Invoke-CMFreshPwsh, Invoke-CMSandboxApi, Invoke-CMSandboxControl, Add-CMHostileTemplate, Get-CMSandboxListRows, Assert-CMAccounting
