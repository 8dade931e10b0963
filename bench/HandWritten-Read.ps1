<#
.SYNOPSIS
    The baseline Get-CMSubscriber is measured against: a hand-written paging loop with Invoke-RestMethod.
#>
param(
    [Parameter(Mandatory)][string] $BaseUri,
    [Parameter(Mandatory)][string] $ApiKey,
    [Parameter(Mandatory)][string] $ListId
)
$headers = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${ApiKey}:x")) }
$page = 1
do {
    $answer = Invoke-RestMethod -Uri "$($BaseUri.TrimEnd('/'))/lists/$ListId/active.json?page=$page&pagesize=1000" -Headers $headers -AllowUnencryptedAuthentication
    $answer.Results
    $page++
} while ($page -le $answer.NumberOfPages)
