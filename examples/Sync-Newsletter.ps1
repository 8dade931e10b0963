<#
.SYNOPSIS
    Nightly sync: sends the CRM's customer export to the Newsletter list in Campaign Monitor.
.DESCRIPTION
    A runbook as an admin would write it. The credential, destination and data template were set up once
    (New-CMCredential, Add-CMDestination, Add-CMDataTemplate); this script only says which ones to use.
    Runs under $ErrorActionPreference = 'Stop', as runbooks should. Rows the checks or the API refuse are data, not
    errors: they are counted, kept in the reject file for the CRM team and summed up in one warning in the job log,
    and the send goes on. The run fails only when rows could not be delivered at all (Send-CMSubscribers then ends,
    after its result, with a SubscribersNotDelivered error), so the scheduler retries it.
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

# Under Stop, a SubscribersNotDelivered error (written after the result) ends the script here: the job fails and
# is retried; the rows that were not delivered are in $RejectPath with the code NotDelivered.
$result = Import-Csv $CsvPath |
    Send-CMSubscribers -Destination $Destination -DataTemplate $DataTemplate -RejectPath $RejectPath
Write-Verbose ("{0} rows: {1} new, {2} updated, {3} rejected, {4} failed ({5} retries) in {6:0.0} s" -f
    $result.Received, $result.New, $result.Existing, $result.Rejected, $result.Failed, $result.Retries, $result.Duration.TotalSeconds)
$result
