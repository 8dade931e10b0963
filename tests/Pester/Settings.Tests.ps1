BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'Settings: the set-up as a user types it' {
    BeforeAll {
        $script:ConfigDir = Join-Path ([IO.Path]::GetTempPath()) "cm-settings-$([guid]::NewGuid())"
        $script:Key = 'settings-test-key-9f8e7d6c'
        $script:Run = Invoke-CMFreshPwsh -Environment @{ CM_CONFIG_DIR = $ConfigDir } -Script @"
`$ErrorActionPreference = 'Continue'
Start-Transcript -Path '$ConfigDir.transcript.txt' | Out-Null
Import-Module `$Manifest
`$sandbox = Start-CMSandbox -ApiKey (ConvertTo-SecureString '$Key' -AsPlainText -Force)
New-CMCredential -Name Prod -ClientId `$sandbox.ClientId -ApiKey `$sandbox.ApiKey -BaseUri `$sandbox.BaseUri -Verbose
Get-CMCredential | Format-List *
Get-CMCredential | ConvertTo-Json
"test=`$(Test-CMCredential Prod -Verbose)"
Add-CMDestination -Name Newsletter -Credential Prod -ListName 'Newsletter' -UnsubscribeSetting OnlyThisList -UnsubscribeUrl https://example.com/bye -AllowBusinessUsers -Verbose
Add-CMDataTemplate -Name Crm -Destination Newsletter -ConsentToTrack Yes -Mapping @{ Email = 'EmailAddress'; Tier = @{ Field = 'Loyalty Tier'; Type = 'MultiSelectOne'; Options = 'Gold','Silver' } }
Get-CMDestination Newsletter | Set-CMDestination -UnsubscribeSetting AllClientLists -ConfirmedOptIn
`$d = Get-CMDestination Newsletter
"destination=`$(`$d.ListName)|`$(`$d.UnsubscribeSetting)|`$(`$d.ConfirmedOptIn)|`$(`$d.AllowBusinessUsers)|`$(`$d.UnsubscribeUrl)"
`$t = Get-CMDataTemplate Crm
"template=`$(`$t.Destination)|`$(`$t.ConsentToTrack)|`$(`$t.Mapping['Email'])|`$(`$t.Mapping['Tier'].Type)|`$(`$t.Mapping['Tier'].Options -join '+')"
Set-CMDataTemplate Crm -Mapping `$t.Mapping -ConsentToTrack No
"roundtrip=`$((Get-CMDataTemplate Crm).Mapping['Tier'].Field)|`$((Get-CMDataTemplate Crm).ConsentToTrack)"
"completion=`$((TabExpansion2 -inputScript 'Get-CMDestination -Name New' -cursorColumn 27).CompletionMatches.CompletionText -join ',')"
"completionCred=`$((TabExpansion2 -inputScript 'Test-CMCredential Pr' -cursorColumn 20).CompletionMatches.CompletionText -join ',')"
Stop-Transcript | Out-Null
"@
        $script:Files = Get-ChildItem $ConfigDir -Recurse -Force -File
    }
    AfterAll {
        Remove-Item $ConfigDir, "$ConfigDir.transcript.txt" -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'works end to end' {
        $Run.Output | Should -Match 'test=True'
        $Run.Output | Should -Match 'destination=Newsletter\|AllClientLists\|True\|True\|https://example.com/bye'
        $Run.Output | Should -Match 'template=Newsletter\|Yes\|EmailAddress\|MultiSelectOne\|Gold\+Silver'
        $Run.Output | Should -Match 'roundtrip=Loyalty Tier\|No'
        $Run.Output | Should -Not -Match 'Exception|Error'
    }

    It 'completes names with Tab' {
        $Run.Output | Should -Match 'completion=Newsletter'
        $Run.Output | Should -Match 'completionCred=Prod'
    }

    It 'creates the folders 0700 and the files 0600' -Skip:$IsWindows {
        [Convert]::ToString([int](Get-Item $ConfigDir).UnixFileMode, 8) | Should -Be '700'
        foreach ($folder in Get-ChildItem $ConfigDir -Directory) { "$($folder.Name) $([Convert]::ToString([int]$folder.UnixFileMode, 8))" | Should -Be "$($folder.Name) 700" }
        $Files.Count | Should -BeGreaterOrEqual 4
        foreach ($file in $Files) { "$($file.Name) $([Convert]::ToString([int]$file.UnixFileMode, 8))" | Should -Be "$($file.Name) 600" }
    }

    It 'keeps the key in its store file only, out of every output stream and the transcript' {
        $Run.Output | Should -Not -Match $Key
        Get-Content "$ConfigDir.transcript.txt" -Raw | Should -Not -Match $Key
        $Run.Output | Should -Match ([regex]::Escape('****' + $Key.Substring($Key.Length - 4)))
        $holding = $Files | Where-Object { (Get-Content $_.FullName -Raw) -match $Key }
        @($holding).Count | Should -Be 1
        $holding.Name | Should -Be 'Prod.key'
    }
}

Describe 'Settings: what is refused, and why' {
    BeforeAll {
        $script:ConfigDir = Join-Path ([IO.Path]::GetTempPath()) "cm-settings-$([guid]::NewGuid())"
        $script:Run = Invoke-CMFreshPwsh -Environment @{ CM_CONFIG_DIR = $ConfigDir } -Script @'
Import-Module $Manifest
$sandbox = Start-CMSandbox
function Try-It([string] $label, [scriptblock] $block) {
    try { & $block | Out-Null; "$label=ok" } catch { "$label=$($_.FullyQualifiedErrorId.Split(',')[0])|$($_.CategoryInfo.Category)|$($_.Exception.Message)" }
}
$sandbox | New-CMCredential -Name Prod | Out-Null
Add-CMDestination -Name Newsletter -Credential Prod -ListName News | Out-Null
Add-CMDataTemplate -Name Crm -Destination Newsletter -Mapping @{ Email = 'EmailAddress' } | Out-Null
Try-It overwrite { $sandbox | New-CMCredential -Name Prod }
Try-It force { $sandbox | New-CMCredential -Name Prod -Force }
Try-It badName { Add-CMDestination -Name '../etc' -Credential Prod -ListName X }
Try-It dotName { Add-CMDestination -Name '..' -Credential Prod -ListName X }
Try-It badClient { New-CMCredential -Name Other -ClientId 'nope' -ApiKey (ConvertTo-SecureString k -AsPlainText -Force) }
Try-It httpRemote { New-CMCredential -Name Other -ClientId ('a' * 32) -ApiKey (ConvertTo-SecureString k -AsPlainText -Force) -BaseUri 'http://api.example.com/' }
Try-It badUrl { Add-CMDestination -Name D2 -Credential Prod -ListName X -UnsubscribeUrl 'example.com/bye' }
Try-It badSetting { Add-CMDestination -Name D2 -Credential Prod -ListName X -UnsubscribeSetting Everywhere }
Try-It noCredential { Add-CMDestination -Name D2 -Credential Ghost -ListName X }
Try-It badType { Add-CMDataTemplate -Name T2 -Destination Newsletter -Mapping @{ A = @{ Field = 'A'; Type = 'Colour' } } }
Try-It optionsOnText { Add-CMDataTemplate -Name T2 -Destination Newsletter -Mapping @{ A = @{ Field = 'A'; Type = 'Text'; Options = 'x' } } }
Try-It multiNoOptions { Add-CMDataTemplate -Name T2 -Destination Newsletter -Mapping @{ A = @{ Field = 'A'; Type = 'MultiSelectMany' } } }
Try-It twoEmails { Add-CMDataTemplate -Name T2 -Destination Newsletter -Mapping @{ A = 'EmailAddress'; B = 'emailaddress' } }
Try-It unknownKey { Add-CMDataTemplate -Name T2 -Destination Newsletter -Mapping @{ A = @{ Field = 'A'; Typo = 1 } } }
Try-It credInUse { Remove-CMCredential Prod -Confirm:$false }
Try-It destInUse { Remove-CMDestination Newsletter -Confirm:$false }
Try-It noPrompt { New-CMCredential -Name Prompted -ClientId ('b' * 32) }
Try-It notFound { Get-CMDestination Ghost }
"wildcardNone=$(@(Get-CMDestination 'Gh*').Count)"
$before = Get-ChildItem $env:CM_CONFIG_DIR -Recurse -File | ForEach-Object { "$($_.Name):$($_.LastWriteTimeUtc.Ticks)" }
Remove-CMDataTemplate Crm -WhatIf
Remove-CMDestination Newsletter -WhatIf -Force
Remove-CMCredential Prod -WhatIf -Force
Add-CMDestination -Name Extra -Credential Prod -ListName X -WhatIf
Set-CMDestination Newsletter -ListName Changed -WhatIf
$sandbox | New-CMCredential -Name Prod -Force -WhatIf
$after = Get-ChildItem $env:CM_CONFIG_DIR -Recurse -File | ForEach-Object { "$($_.Name):$($_.LastWriteTimeUtc.Ticks)" }
"whatIfChangedNothing=$((Compare-Object $before $after).Count -eq 0)"
Try-It removeChain { Remove-CMDataTemplate Crm -Confirm:$false; Remove-CMDestination Newsletter -Confirm:$false; Remove-CMCredential Prod -Confirm:$false }
"left=$(@(Get-ChildItem $env:CM_CONFIG_DIR -Recurse -File).Count)"
'@
    }
    AfterAll { Remove-Item $ConfigDir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'refuses <Label> with <Id>' -ForEach @(
        @{ Label = 'overwrite'; Id = 'SettingExists'; Says = "A credential named 'Prod' already exists. Use -Force" }
        @{ Label = 'badName'; Id = 'InvalidSetting'; Says = "'../etc' is not a valid destination name" }
        @{ Label = 'dotName'; Id = 'InvalidSetting'; Says = "'..' is not a valid destination name" }
        @{ Label = 'badClient'; Id = 'InvalidSetting'; Says = "'nope' does not look like a Campaign Monitor client ID" }
        @{ Label = 'httpRemote'; Id = 'InvalidSetting'; Says = 'Refusing to send the API key over plain http' }
        @{ Label = 'badUrl'; Id = 'InvalidSetting'; Says = "The unsubscribe URL 'example.com/bye' is not an absolute http or https URL" }
        @{ Label = 'badSetting'; Id = 'ParameterArgumentValidationError'; Says = 'Everywhere' }
        @{ Label = 'noCredential'; Id = 'SettingNotFound'; Says = "There is no credential named 'Ghost'" }
        @{ Label = 'badType'; Id = 'InvalidSetting'; Says = "The type 'Colour' of 'A' is not one of" }
        @{ Label = 'optionsOnText'; Id = 'InvalidSetting'; Says = 'Options are only for the MultiSelectOne and MultiSelectMany types' }
        @{ Label = 'multiNoOptions'; Id = 'InvalidSetting'; Says = "'A' is MultiSelectMany, which needs Options" }
        @{ Label = 'twoEmails'; Id = 'InvalidSetting'; Says = 'Only one column can be the email address' }
        @{ Label = 'unknownKey'; Id = 'InvalidSetting'; Says = "unknown key 'Typo'" }
        @{ Label = 'credInUse'; Id = 'SettingInUse'; Says = "The credential 'Prod' is used by the destination 'Newsletter'" }
        @{ Label = 'destInUse'; Id = 'SettingInUse'; Says = "The destination 'Newsletter' is used by the data template 'Crm'" }
        @{ Label = 'noPrompt'; Id = 'ApiKeyRequired'; Says = 'this session cannot prompt' }
        @{ Label = 'notFound'; Id = 'SettingNotFound'; Says = "There is no destination named 'Ghost'" }
    ) {
        $line = ($Run.Output -split "`n" | Where-Object { $_ -like "$Label=*" }) | Select-Object -First 1
        $line | Should -Match "^$Label=$Id\|"
        $line | Should -Match ([regex]::Escape($Says))
    }

    It 'replaces with -Force, and finds nothing for an unmatched wildcard without erroring' {
        $Run.Output | Should -Match 'force=ok'
        $Run.Output | Should -Match 'wildcardNone=0'
    }

    It 'changes nothing under -WhatIf' {
        $Run.Output | Should -Match 'whatIfChangedNothing=True'
    }

    It 'removes from the bottom up, leaving no file behind' {
        $Run.Output | Should -Match 'removeChain=ok'
        $Run.Output | Should -Match 'left=0'
    }
}

Describe 'Settings: credentials that never touch disk' {
    It 'keeps -SessionOnly in memory (from a SecureString or a PSCredential) and reads env from the environment' {
        $configDir = Join-Path ([IO.Path]::GetTempPath()) "cm-settings-$([guid]::NewGuid())"
        $result = Invoke-CMFreshPwsh -Environment @{ CM_CONFIG_DIR = $configDir } -Script @'
Import-Module $Manifest
$sandbox = Start-CMSandbox
New-CMCredential -Name Ci -ClientId $sandbox.ClientId -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -SessionOnly | Out-Null
"session=$((Get-CMCredential Ci).Source) works=$(Test-CMCredential Ci)"
New-CMCredential -Name ViaPSCredential -Credential ([pscredential]::new($sandbox.ClientId, $sandbox.ApiKey)) -BaseUri $sandbox.BaseUri -SessionOnly | Out-Null
"pscredential=$((Get-CMCredential ViaPSCredential).ClientId -eq $sandbox.ClientId) works=$(Test-CMCredential ViaPSCredential)"
$env:CM_API_KEY = [System.Net.NetworkCredential]::new('', $sandbox.ApiKey).Password
$env:CM_CLIENT_ID = $sandbox.ClientId
$env:CM_BASE_URI = $sandbox.BaseUri
"env=$((Get-CMCredential env).Source) works=$(Test-CMCredential env)"
Add-CMDestination -Name OnEnv -Credential env -ListName X | Out-Null
"files=$(@(Get-ChildItem $env:CM_CONFIG_DIR -Recurse -File | Where-Object Extension -eq '.key').Count)"
'@
        Remove-Item $configDir -Recurse -Force -ErrorAction SilentlyContinue
        $result.Output | Should -Match 'session=Session works=True'
        $result.Output | Should -Match 'pscredential=True works=True'
        $result.Output | Should -Match 'env=Environment works=True'
        $result.Output | Should -Match 'files=0'
    }
}

Describe 'Settings: business users' {
    It 'may read and test but not create, change or remove' {
        $configDir = Join-Path ([IO.Path]::GetTempPath()) "cm-settings-$([guid]::NewGuid())"
        $result = Invoke-CMFreshPwsh -Environment @{ CM_CONFIG_DIR = $configDir } -Script @'
Import-Module $Manifest
$sandbox = Start-CMSandbox
$sandbox | New-CMCredential -Name Prod | Out-Null
Add-CMDestination -Name Newsletter -Credential Prod -ListName News -AllowBusinessUsers | Out-Null
$env:CM_ROLE = 'BusinessUser'
"read=$((Get-CMDestination Newsletter).AllowBusinessUsers) test=$(Test-CMCredential Prod)"
foreach ($attempt in @(
    { $sandbox | New-CMCredential -Name Other },
    { Add-CMDestination -Name D2 -Credential Prod -ListName X },
    { Set-CMDestination Newsletter -ListName Y },
    { Remove-CMDestination Newsletter -Confirm:$false },
    { Add-CMDataTemplate -Name T -Destination Newsletter -Mapping @{ E = 'EmailAddress' } },
    { Remove-CMCredential Prod -Confirm:$false })) {
    try { & $attempt | Out-Null; 'refused=no' } catch { "refused=$($_.FullyQualifiedErrorId.Split(',')[0])|$($_.CategoryInfo.Category)|$($_.Exception.Message)" }
}
"still=$((Get-CMDestination Newsletter).ListName)"
'@
        Remove-Item $configDir -Recurse -Force -ErrorAction SilentlyContinue
        $result.Output | Should -Match 'read=True test=True'
        $lines = $result.Output -split "`n" | Where-Object { $_ -like 'refused=*' }
        $lines.Count | Should -Be 6
        $lines | ForEach-Object { $_ | Should -Match '^refused=NotAllowedByPolicy\|PermissionDenied\|This session runs with CM_ROLE=BusinessUser' }
        $result.Output | Should -Match 'still=News'
    }
}

Describe 'Settings: files someone else touched' {
    It 'names a malformed file and warns about a loosened one' -Skip:$IsWindows {
        $configDir = Join-Path ([IO.Path]::GetTempPath()) "cm-settings-$([guid]::NewGuid())"
        $result = Invoke-CMFreshPwsh -Environment @{ CM_CONFIG_DIR = $configDir } -Script @'
Import-Module $Manifest
$sandbox = Start-CMSandbox
$sandbox | New-CMCredential -Name Prod | Out-Null
Add-CMDestination -Name Newsletter -Credential Prod -ListName News | Out-Null
Set-Content (Join-Path $env:CM_CONFIG_DIR 'destinations/Newsletter.json') '{ "Name": "Newsletter", "ListName": '
try { Get-CMDestination Newsletter } catch { "malformed=$($_.FullyQualifiedErrorId.Split(',')[0])|$($_.Exception.Message)" }
chmod 644 (Join-Path $env:CM_CONFIG_DIR 'credentials/Prod.key')
Get-CMCredential Prod 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object { "warning=$_" }
"mode=$([Convert]::ToString([int](Get-Item (Join-Path $env:CM_CONFIG_DIR 'credentials/Prod.key')).UnixFileMode, 8))"
'@
        Remove-Item $configDir -Recurse -Force -ErrorAction SilentlyContinue
        $result.Output | Should -Match "malformed=SettingsFileInvalid\|The destination file '.*destinations/Newsletter\.json' is not valid"
        $result.Output | Should -Match "warning='.*credentials/Prod\.key' can be used by other users \(mode 644\); it should be 600\. Run: chmod 600"
        # Warned about, never changed behind the user's back.
        $result.Output | Should -Match 'mode=644'
        $result.Output | Should -Not -Match 'at CampaignMonitor\.|StackTrace'
    }
}

Describe 'Settings: two processes at once' {
    It 'leaves a valid store when two sessions add and change settings at the same time' {
        $configDir = Join-Path ([IO.Path]::GetTempPath()) "cm-settings-$([guid]::NewGuid())"
        $manifest = Get-CMTestManifestPath
        $workers = foreach ($worker in 'A', 'B') {
            $script = @"
`$ErrorActionPreference = 'Stop'
`$env:CM_CONFIG_DIR = '$configDir'
Import-Module '$manifest'
New-CMCredential -Name Shared -ClientId ('c' * 32) -ApiKey (ConvertTo-SecureString 'key-$worker' -AsPlainText -Force) -Force | Out-Null
foreach (`$i in 1..15) {
    Add-CMDestination -Name "D$worker`$i" -Credential Shared -ListName "List $worker `$i" | Out-Null
    Set-CMDestination -Name "D$worker`$i" -Description 'changed by $worker'
    Add-CMDestination -Name Contested -Credential Shared -ListName "Contested $worker `$i" -Force | Out-Null
}
'done'
"@
            $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
            foreach ($argument in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))) { $start.ArgumentList.Add($argument) }
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            [Diagnostics.Process]::Start($start)
        }
        $outputs = foreach ($process in $workers) { $process.StandardOutput.ReadToEnd() + $process.StandardError.ReadToEnd(); $process.WaitForExit() }
        $workers | ForEach-Object { $_.ExitCode | Should -Be 0 -Because ($outputs -join "`n") }

        $env:CM_CONFIG_DIR, $saved = $configDir, $env:CM_CONFIG_DIR
        try {
            $result = Invoke-CMFreshPwsh -Environment @{ CM_CONFIG_DIR = $configDir } -Script @'
Import-Module $Manifest
$all = Get-CMDestination
"count=$($all.Count) described=$(@($all | Where-Object Description -Like 'changed by *').Count) contested=$((Get-CMDestination Contested).ListName -like 'Contested *')"
"key=$((Get-CMCredential Shared).ApiKeyHint)"
'@
        }
        finally { $env:CM_CONFIG_DIR = $saved }
        Remove-Item $configDir -Recurse -Force -ErrorAction SilentlyContinue
        $result.Output | Should -Match 'count=31 described=30 contested=True'
        $result.Output | Should -Match 'key=\*\*\*\*'
        Get-ChildItem $configDir -Recurse -Filter *.tmp -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
