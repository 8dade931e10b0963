<#
.SYNOPSIS
    The main job, end to end, against the local sandbox: set up a credential, a destination and a data template,
    send customers.csv (3,000 rows, a handful deliberately bad) through Send-CMSubscribers, and show the result.
    Run by `build.ps1 Demo` (the module just built); without -ModulePath it uses the installed module. Touches
    nothing outside a temporary settings folder.
#>
param(
    # The folder of a built module (out/CampaignMonitor); without it, the installed CampaignMonitor.
    [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
Import-Module ($ModulePath ? (Join-Path $ModulePath 'CampaignMonitor.psd1') : 'CampaignMonitor')

$work = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "cm-demo-$([guid]::NewGuid())")
$env:CM_CONFIG_DIR = Join-Path $work 'settings'
try {
    Write-Host '== 1. A local Campaign Monitor: the sandbox'
    $sandbox = Start-CMSandbox
    Write-Host "   listening at $($sandbox.BaseUri)"

    Write-Host '== 2. Set-up, once: credential, destination, data template'
    $sandbox | New-CMCredential -Name Sandbox | Format-Table | Out-Host
    Add-CMDestination -Name Newsletter -Credential Sandbox -ListName 'Newsletter' -UnsubscribeSetting OnlyThisList `
        -UnsubscribeUrl 'https://example.com/unsubscribed' | Format-Table | Out-Host
    Add-CMDataTemplate -Name Crm -Destination Newsletter -ConsentToTrack Yes -Mapping ([ordered]@{
            Email     = 'EmailAddress'
            Name      = 'Name'
            Consent   = 'ConsentToTrack'
            Zip       = 'Zip'
            Tier      = @{ Field = 'Loyalty Tier'; Type = 'MultiSelectOne'; Options = 'Gold', 'Silver', 'Bronze' }
            Interests = @{ Field = 'Interests'; Type = 'MultiSelectMany'; Separator = ';'; Options = 'Running', 'Cycling', 'Cooking', 'Travel', 'Books', 'Music' }
            Joined    = @{ Field = 'Joined'; Type = 'Date' }
            Points    = @{ Field = 'Points'; Type = 'Number' }
        }) | Format-Table | Out-Host

    Write-Host '== 3. Import-Csv customers.csv | Send-CMSubscribers -Destination Newsletter -DataTemplate Crm'
    $rejects = Join-Path $work 'rejects.csv'
    $result = Import-Csv (Join-Path $PSScriptRoot 'customers.csv') |
        Send-CMSubscribers -Destination Newsletter -DataTemplate Crm -RejectPath $rejects -WarningAction SilentlyContinue
    $result | Format-List | Out-Host
    Write-Host "   Every row is accounted for: $($result.Received) received = $($result.New) new + $($result.Existing) existing + $($result.Duplicates) duplicates + $($result.Rejected) rejected + $($result.Failed) failed + $($result.Skipped) skipped"

    Write-Host '== 4. The rejected rows, and why (also in the reject file, ready to fix and resend)'
    $result.Rejects | Format-Table RowNumber, EmailAddress, Column, Code, Reason | Out-Host

    Write-Host '== 5. What Campaign Monitor now holds: Get-CMListStats -Destination Newsletter'
    Get-CMListStats -Destination Newsletter | Out-Host

    Write-Host '== 6. The same send again: every address now exists'
    $again = Import-Csv (Join-Path $PSScriptRoot 'customers.csv') | Send-CMSubscribers -Destination Newsletter -DataTemplate Crm -WarningAction SilentlyContinue
    Write-Host "   $($again.Existing) existing, $($again.New) new, $($again.Rejected) rejected, in $([Math]::Round($again.Duration.TotalSeconds, 2)) s"
}
finally {
    Stop-CMSandbox
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
