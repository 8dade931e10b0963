<#
.SYNOPSIS
    The baseline Send-CMSubscribers is measured against: what a competent PowerShell user writes without the module.
    Batches of 1000 rows, ConvertTo-Json, Invoke-RestMethod, one call after another; a partial import (code 210) is
    not a failure.
#>
param(
    [Parameter(Mandatory)][string] $CsvPath,
    [Parameter(Mandatory)][string] $BaseUri,
    [Parameter(Mandatory)][string] $ApiKey,
    [Parameter(Mandatory)][string] $ListId
)
$headers = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${ApiKey}:x")) }
$uri = "$($BaseUri.TrimEnd('/'))/subscribers/$ListId/import.json"
$fields = 'Zip', 'Tier', 'Interests', 'Joined', 'Points', 'Phone'

function Send-Batch([System.Collections.Generic.List[object]] $batch) {
    $body = @{ Subscribers = $batch; Resubscribe = $false } | ConvertTo-Json -Depth 5 -Compress
    try {
        $null = Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -Body $body -ContentType 'application/json; charset=utf-8' -AllowUnencryptedAuthentication
    }
    catch {
        if ($_.ErrorDetails.Message -notmatch '"Code":210') { throw }
    }
}

$batch = [System.Collections.Generic.List[object]]::new(1000)
foreach ($row in Import-Csv $CsvPath) {
    $custom = foreach ($name in $fields) {
        if ($name -eq 'Interests') { foreach ($v in $row.Interests -split ';') { if ($v) { @{ Key = 'Interests'; Value = $v } } } }
        elseif ($name -eq 'Joined') { @{ Key = 'Joined'; Value = $row.Joined.Replace('-', '/') } }
        elseif ($row.$name) { @{ Key = $name; Value = $row.$name } }
    }
    $batch.Add(@{ EmailAddress = $row.Email; Name = $row.Name; CustomFields = @($custom); ConsentToTrack = 'Yes' })
    if ($batch.Count -eq 1000) {
        Send-Batch $batch
        $batch = [System.Collections.Generic.List[object]]::new(1000)
    }
}
if ($batch.Count) { Send-Batch $batch }
