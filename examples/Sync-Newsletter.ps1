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

    With -Mirror the list is kept holding exactly the export: only rows that changed since last night are sent
    (-Incremental), and members who are no longer in the export are deleted — never after a failed send, and never
    more than 20% of the list in one night (the run then fails with MirrorLimitExceeded, for a person to look at).
.EXAMPLE
    ./Sync-Newsletter.ps1 -CsvPath /exports/customers.csv -RejectPath /exports/rejects.csv
.EXAMPLE
    ./Sync-Newsletter.ps1 -CsvPath /exports/customers.csv -Mirror
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $CsvPath,
    [string] $Destination = 'Newsletter',
    [string] $DataTemplate = 'Crm',
    [string] $RejectPath = (Join-Path ([IO.Path]::GetTempPath()) "newsletter-rejects-$(Get-Date -Format yyyyMMdd).csv"),
    # Make the list hold exactly the export: send what changed, remove who left.
    [switch] $Mirror
)
$ErrorActionPreference = 'Stop'
if (-not (Get-Module CampaignMonitor)) { Import-Module CampaignMonitor }

# Under Stop, a SubscribersNotDelivered error (written after the result) ends the script here: the job fails and
# is retried; the rows that were not delivered are in $RejectPath with the code NotDelivered.
$sync = if ($Mirror) { @{ Incremental = $true; Mirror = $true } } else { @{} }
$result = Import-Csv $CsvPath |
    Send-CMSubscribers -Destination $Destination -DataTemplate $DataTemplate -RejectPath $RejectPath @sync
Write-Verbose ("{0} rows: {1} new, {2} updated, {3} unchanged, {4} rejected, {5} failed, {6} removed ({7} retries) in {8:0.0} s" -f
    $result.Received, $result.New, $result.Existing, $result.Unchanged, $result.Rejected, $result.Failed, $result.Removed, $result.Retries, $result.Duration.TotalSeconds)
$result
