<#
.SYNOPSIS
    Prints the public surface of the built module's assembly (CampaignMonitor.dll): every exported type and its
    public members, one line each, sorted. The test 'PublicApi.Tests.ps1' compares it with CampaignMonitor.api.txt.
.EXAMPLE
    # After a deliberate change of the public surface, write the new list and commit it with the change:
    dotnet pwsh -NoProfile -File tests/PublicApi/Get-CMPublicApi.ps1 -ModulePath out/CampaignMonitor > tests/PublicApi/CampaignMonitor.api.txt
#>
param([Parameter(Mandatory)][string] $ModulePath)
$ErrorActionPreference = 'Stop'
$module = Import-Module (Join-Path (Resolve-Path $ModulePath) 'CampaignMonitor.psd1') -PassThru
$flags = [System.Reflection.BindingFlags]'Public, Instance, Static, DeclaredOnly'

function Format-Type([type] $Type) {
    if (-not $Type.IsGenericType) { return $Type.FullName ?? $Type.Name }
    $name = $Type.GetGenericTypeDefinition().FullName -replace '`\d+$', ''
    "$name[$(($Type.GetGenericArguments() | ForEach-Object { Format-Type $_ }) -join ', ')]"
}

$lines = foreach ($type in $module.ImplementingAssembly.GetExportedTypes() | Sort-Object FullName) {
    $kind = if ($type.IsEnum) { 'enum' } elseif ($type.IsValueType) { 'struct' } elseif ($type.IsInterface) { 'interface' } elseif ($type.IsAbstract) { 'abstract class' } else { 'class' }
    "$kind $($type.FullName) : $(if ($type.BaseType) { Format-Type $type.BaseType })"
    $members = $type.GetMembers($flags) | Where-Object { -not (($_.MemberType -eq 'Method' -or $_.MemberType -eq 'Field') -and $_.IsSpecialName) }
    foreach ($member in $members) {
        $line = switch ($member.MemberType) {
            'Constructor' { "ctor($(($member.GetParameters() | ForEach-Object { Format-Type $_.ParameterType }) -join ', '))" }
            'Property' {
                $set = if ($member.SetMethod -and $member.SetMethod.IsPublic) { ' set;' } else { '' }
                "property $(Format-Type $member.PropertyType) $($member.Name) { get;$set }"
            }
            'Method' {
                "method $(Format-Type $member.ReturnType) $($member.Name)($(($member.GetParameters() | ForEach-Object { Format-Type $_.ParameterType }) -join ', '))"
            }
            'Field' { "field $(Format-Type $member.FieldType) $($member.Name)" }
            'Event' { "event $(Format-Type $member.EventHandlerType) $($member.Name)" }
            'NestedType' { "nested $($member.Name)" }
        }
        "    $line"
    }
}
$lines
