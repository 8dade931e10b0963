<#
.SYNOPSIS
    Nightly sync: sends the CRM's customer export to the Newsletter list in Campaign Monitor.
.DESCRIPTION
    A runbook as an admin would write it. The credential, destination and data template were set up once
    (New-CMCredential, Add-CMDestination, Add-CMDataTemplate); this script only says which ones to use.
    Rows the API or the checks refuse are kept in the reject file for the CRM team; the run fails only when rows
    could not be delivered at all, so the scheduler retries it.
.EXAMPLE
    ./Sync-Newsletter.ps1 -CsvPath /exports/customers.csv -RejectPath /exports/rejects.csv
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $CsvPath,
    [string] $Destination = 'Newsletter',
    [string] $DataTemplate = 'Crm',
    [string] $RejectPath = (Join-Path ([IO.Path]::GetTempPath()) "newsletter-rejects-$(Get-Date -Format yyyyMMdd).csv")
)
$ErrorActionPreference = 'Stop'
if (-not (Get-Module CampaignMonitor)) { Import-Module CampaignMonitor }

$result = Import-Csv $CsvPath |
    Send-CMSubscribers -Destination $Destination -DataTemplate $DataTemplate -RejectPath $RejectPath -ErrorAction SilentlyContinue

Write-Verbose ("{0} rows: {1} new, {2} updated, {3} rejected, {4} failed ({5} retries) in {6:0.0} s" -f
    $result.Received, $result.New, $result.Existing, $result.Rejected, $result.Failed, $result.Retries, $result.Duration.TotalSeconds)
if ($result.Failed -gt 0) {
    throw "$($result.Failed) rows could not be delivered to Campaign Monitor; they are in $RejectPath. Run again later."
}
$result
