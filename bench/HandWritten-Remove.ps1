<#
.SYNOPSIS
    The baseline Remove-CMSubscriber is measured against: a foreach over Invoke-RestMethod, one DELETE per address.
#>
param(
    [Parameter(Mandatory)][string] $BaseUri,
    [Parameter(Mandatory)][string] $ApiKey,
    [Parameter(Mandatory)][string] $ListId,
    [Parameter(Mandatory)][string[]] $EmailAddress
)
$headers = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${ApiKey}:x")) }
foreach ($email in $EmailAddress) {
    $null = Invoke-RestMethod -Method Delete -Uri "$($BaseUri.TrimEnd('/'))/subscribers/$ListId.json?email=$([Uri]::EscapeDataString($email))" -Headers $headers -AllowUnencryptedAuthentication
}
