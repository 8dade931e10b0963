# Hostile input, a permanent outage, and secrets: what must hold when the input is garbage or the API is gone.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-CMTestManifestPath) -Force
    $script:SavedConfig = $env:CM_CONFIG_DIR
    $env:CM_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "cm-reliability-$([guid]::NewGuid())"
    $script:Folder = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "cm-hostile-$([guid]::NewGuid())")).FullName
    $script:Sandbox = Start-CMSandbox
    $Sandbox | New-CMCredential -Name Sandbox | Out-Null
    Add-CMDestination -Name Hostile -Credential Sandbox -ListName 'Hostile' | Out-Null
    Add-CMHostileTemplate -Destination Hostile
}

AfterAll {
    Stop-CMSandbox -Sandbox $Sandbox
    Remove-Item $env:CM_CONFIG_DIR, $Folder -Recurse -Force -ErrorAction SilentlyContinue
    $env:CM_CONFIG_DIR = $SavedConfig
}

Describe 'Hostile input: <Name>' -ForEach (& (Join-Path $PSScriptRoot 'assets/HostileInputs.ps1')) {
    It 'ends in sent rows, named rejects or a clear error before any API call' {
        Reset-CMSandbox -Confirm:$false
        $row = { param([hashtable] $extra) $values = [ordered]@{ Email = 'hostile@example.com' }; foreach ($k in $extra.Keys) { $values[$k] = $extra[$k] }; [pscustomobject]$values }
        $template = if ($Template -eq 'none') { @{} } else { @{ DataTemplate = 'Crm' } }
        $savedCulture = [cultureinfo]::CurrentCulture
        if ($Culture) { [cultureinfo]::CurrentCulture = [cultureinfo]::new($Culture) }
        try {
            $result = & $Rows | Send-CMSubscribers -Destination Hostile @template -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $failure = $null
        }
        catch {
            $failure = $_
        }
        finally {
            [cultureinfo]::CurrentCulture = $savedCulture
        }
        if ($Stops) {
            $failure | Should -Not -BeNullOrEmpty -Because 'the send must stop with a clear error'
            $failure.FullyQualifiedErrorId | Should -BeLike "$Stops,*"
            $failure.Exception | Should -Not -BeOfType ([System.NullReferenceException])
            Get-CMSandboxRequest | Where-Object Method -NE 'GET' | Should -BeNullOrEmpty -Because 'nothing is written before the error'
            return
        }
        $failure | Should -BeNullOrEmpty -Because "no unhandled exception ($failure)"
        Assert-CMAccounting $result
        foreach ($key in $Expect.Keys | Where-Object { $_ -ne 'Codes' }) { "$key=$($result.$key)" | Should -Be "$key=$($Expect[$key])" }
        if ($Expect.Codes) { ($result.Rejects.Code | Sort-Object -Unique) -join ',' | Should -Be ($Expect.Codes -join ',') }
        if (-not $Expect.ContainsKey('Rejected')) { $result.Rejected | Should -Be 0 }
        if ($result.New + $result.Existing -gt 0) {
            (Get-CMListStats -Destination Hostile).TotalActiveSubscribers | Should -Be ($result.New + $result.Existing)
        }
    }
}

Describe 'A permanent outage' {
    It 'ends in bounded time, every unsent row failed and written out' {
        Reset-CMSandbox -Confirm:$false
        [pscustomobject]@{ Email = 'first@example.com' } | Send-CMSubscribers -Destination Hostile -DataTemplate Crm -WarningAction SilentlyContinue | Out-Null
        Set-CMSandboxFault -ErrorRate 1 -PathContains import
        $rejects = Join-Path $Folder 'outage.csv'
        $rows = 1..20000 | ForEach-Object { [pscustomobject]@{ Email = "down$_@example.com" } }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result = $rows | Send-CMSubscribers -Destination Hostile -DataTemplate Crm -RejectPath $rejects -MaxRetries 2 -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $watch.Stop()
        Set-CMSandboxFault
        Assert-CMAccounting $result
        $result.Failed | Should -Be 20000
        @(Import-Csv $rejects).Count | Should -Be 20000
        # 20 batches, but once three have failed in a row the rest are not even tried: at most the three, and the
        # four that may be in flight meanwhile, each with its 1 + 2 attempts.
        @(Get-CMSandboxRequest -Path '*import.json').Count | Should -BeLessOrEqual ((3 + 4) * 3)
        $errs.Count | Should -Be 1 -Because 'one error, after the result, sums up what could not be delivered'
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'SubscribersNotDelivered,*'
        $errs[0].Exception.Message | Should -BeLike '*Campaign Monitor was taken to be unavailable*'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 60
    }
}

Describe 'Secrets' {
    It 'keeps the API key (and its Basic form) out of every stream, transcript, file and the sandbox log' {
        $key = 'secret-key-never-shown-8c1f2a9b'
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${key}:x"))
        $configDir = Join-Path $Folder "secrets-config"
        $transcript = Join-Path $Folder 'secrets-transcript.txt'
        $rejects = Join-Path $Folder 'secrets-rejects.csv'
        $result = Invoke-CMFreshPwsh -Environment @{ CM_CONFIG_DIR = $configDir } -Script @"
`$VerbosePreference = 'Continue'; `$DebugPreference = 'Continue'; `$InformationPreference = 'Continue'; `$ErrorActionPreference = 'Continue'
Start-Transcript -Path '$transcript' | Out-Null
Import-Module `$Manifest -Verbose
`$sb = Start-CMSandbox -ApiKey (ConvertTo-SecureString '$key' -AsPlainText -Force) -Verbose -Debug
`$sb; `$sb | Format-List *; `$sb | ConvertTo-Json
`$sb | New-CMCredential -Name Secret -Verbose -Debug | Format-List *
Get-CMCredential -Verbose -Debug | Format-List *; Get-CMCredential | ConvertTo-Json
Test-CMCredential Secret -Verbose -Debug
Add-CMDestination -Name D -Credential Secret -ListName L -Verbose -Debug | Format-List *
Get-CMDestination -Verbose -Debug | Format-List *; Set-CMDestination D -Description 'd' -PassThru -Verbose -Debug | ConvertTo-Json
Add-CMDataTemplate -Name T -Destination D -Mapping @{ Email = 'EmailAddress' } -Verbose -Debug | Format-List *
Get-CMDataTemplate -Verbose -Debug | Format-List *; Set-CMDataTemplate T -ConsentToTrack Yes -PassThru -Verbose -Debug | ConvertTo-Json
Reset-CMSandbox -RequestLogOnly -Confirm:`$false -Verbose -Debug
Set-CMSandboxFault -ErrorRate 0.3 -Verbose -Debug
1..300 | ForEach-Object { [pscustomobject]@{ Email = "s`$_@example.com" } } | Send-CMSubscribers -Destination D -DataTemplate T -RejectPath '$rejects' -Verbose -Debug | Format-List *
[pscustomobject]@{ Email = 'bad' } | Send-CMSubscribers -Destination D -DataTemplate T -RejectPath '$rejects' -Verbose -Debug
Set-CMSandboxFault -Verbose
Get-CMList -Credential Secret -Verbose -Debug; Get-CMListStats -Destination D -Verbose -Debug | Format-List *
Get-CMSubscriber -Destination D -Verbose -Debug | Select-Object -First 3 | Format-List *
Add-CMSandboxData -ListName L -Campaigns 1 -Active 5 -Verbose | Out-Null
Get-CMCampaign -Credential Secret -Verbose -Debug | Get-CMCampaignActivity -Type Opens -Verbose -Debug | Select-Object -First 2
Get-CMCampaign -Credential Secret | Get-CMCampaignSummary -Verbose -Debug
Get-CMCampaignSummary -CampaignId nope -Credential Secret -Verbose -Debug
`$env:CM_API_KEY = '$key'; `$env:CM_CLIENT_ID = 'ffffffffffffffffffffffffffffffff'; `$env:CM_BASE_URI = `$sb.BaseUri
Test-CMCredential env -Verbose -Debug
Get-CMCredential env | Format-List *
`$env:CM_BASE_URI = 'http://127.0.0.1:9/api/v3.3/'; Test-CMCredential env -Verbose -Debug
Get-CMSandboxRequest | Format-Table * | Out-String -Width 400
Get-CMSandboxRequest | ConvertTo-Json
`$Error | Format-List * -Force | Out-String -Width 400
`$Error | ForEach-Object { `$_.Exception.ToString() }
Remove-CMDataTemplate T -Confirm:`$false -Verbose; Remove-CMDestination D -Confirm:`$false -Verbose; Remove-CMCredential Secret -Confirm:`$false -Verbose
Stop-CMSandbox -Verbose
Stop-Transcript | Out-Null
'@done'
"@
        $result.Output | Should -Match '@done'
        $result.Output | Should -Match 'UnknownId'
        $everything = @($result.Output, (Get-Content $transcript -Raw), (Get-Content $rejects -Raw))
        $everything += Get-ChildItem $configDir -Recurse -File -Force | Where-Object Extension -NE '.key' | ForEach-Object { Get-Content $_.FullName -Raw }
        # Temp files written meanwhile (regular files only: /tmp also holds the runtime's debug FIFOs, which block a reader).
        $everything += Get-ChildItem ([IO.Path]::GetTempPath()) -File -ErrorAction SilentlyContinue |
            Where-Object { $_.LastWriteTime -gt (Get-Date).AddMinutes(-5) -and $_.Length -gt 0 -and $_.Length -lt 50MB -and $_.Name -notmatch '^(clr-debug-pipe|dotnet-diagnostic)' } |
            ForEach-Object { try { Get-Content $_.FullName -Raw -ErrorAction Stop } catch { } }
        foreach ($text in $everything) {
            $text | Should -Not -Match ([regex]::Escape($key))
            $text | Should -Not -Match ([regex]::Escape($basic))
        }
        $result.Output | Should -Match ([regex]::Escape('****2a9b'))
    }
}

Describe 'Resume with -CheckpointPath' {
    BeforeAll {
        $script:ResumeCsv = Join-Path $Folder 'resume.csv'
        1..20000 | ForEach-Object { [pscustomobject]@{ Email = "resume$_@example.com"; Name = "Resume $_" } } | Export-Csv $ResumeCsv
        $script:Checkpoint = Join-Path $Folder 'resume.checkpoint'
        $script:KilledCheckpoint = Join-Path $Folder 'killed.checkpoint'
    }

    It 'sends after a kill only what was not confirmed, and ends with the same list' {
        Reset-CMSandbox -Confirm:$false
        [pscustomobject]@{ Email = 'warm@example.com' } | Send-CMSubscribers -Destination Hostile -DataTemplate Crm -WarningAction SilentlyContinue | Out-Null
        Set-CMSandboxFault -LatencyMs 150 -PathContains import
        Reset-CMSandbox -RequestLogOnly -Confirm:$false
        # The first run, in its own process, killed (not asked to stop) part-way.
        $script = "`$env:CM_CONFIG_DIR = '$($env:CM_CONFIG_DIR)'; Import-Module '$(Get-CMTestManifestPath)'; " +
            "Import-Csv '$ResumeCsv' | Send-CMSubscribers -Destination Hostile -DataTemplate Crm -CheckpointPath '$Checkpoint' -BatchSize 500 -MaxConcurrency 2 -WarningAction SilentlyContinue"
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-Command', $script) { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardOutput = $true
        $first = [Diagnostics.Process]::Start($start)
        $deadline = (Get-Date).AddSeconds(60)
        while (@(Get-CMSandboxRequest -Path '*import.json' | Where-Object Status -EQ 201).Count -lt 10 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $first.Kill($true)
        $first.WaitForExit()
        Copy-Item $Checkpoint $KilledCheckpoint
        Set-CMSandboxFault
        $confirmedBefore = @(Get-CMSandboxRequest -Path '*import.json' | Where-Object Status -EQ 201).Count
        $confirmedBefore | Should -BeGreaterOrEqual 10
        $confirmedBefore | Should -BeLessThan 40 -Because 'the first run was killed before it finished'

        Reset-CMSandbox -RequestLogOnly -Confirm:$false
        $second = Import-Csv $ResumeCsv | Send-CMSubscribers -Destination Hostile -DataTemplate Crm -CheckpointPath $Checkpoint -BatchSize 500 -Verbose -WarningAction SilentlyContinue 4>&1
        $result = $second | Where-Object { $_ -is [CampaignMonitor.SendResult] }
        ($second | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Resuming:*' }) | Should -Not -BeNullOrEmpty
        Assert-CMAccounting $result
        # Every batch the checkpoint recorded is skipped; the (up to two, one per sender) batches confirmed in the
        # instant before the kill may not have been recorded, and are sent again.
        $result.Skipped | Should -BeGreaterOrEqual (($confirmedBefore - 2) * 500)
        $result.Skipped | Should -BeLessOrEqual ($confirmedBefore * 500)
        $sent = (Get-CMSandboxRequest -Path '*import.json' | Measure-Object BatchSize -Sum).Sum
        $sent | Should -Be (20000 - $result.Skipped)
        $result.Failed | Should -Be 0
        (Get-CMListStats -Destination Hostile).TotalActiveSubscribers | Should -Be 20001
        Test-Path $Checkpoint | Should -BeFalse -Because 'a send that ends complete deletes its checkpoint'
    }

    It 'sends the batches whose positions now carry other addresses, using the checkpoint a killed run left' {
        Reset-CMSandbox -Confirm:$false
        $other = Join-Path $Folder 'other.csv'
        1..20000 | ForEach-Object { [pscustomobject]@{ Email = "other$_@example.com"; Name = "Other $_" } } | Export-Csv $other
        $result = Import-Csv $other | Send-CMSubscribers -Destination Hostile -DataTemplate Crm -CheckpointPath $KilledCheckpoint -BatchSize 500 -WarningAction SilentlyContinue
        $result.Skipped | Should -Be 0 -Because 'no confirmed batch holds these addresses'
        $result.New | Should -Be 20000
    }

    It 'refuses a checkpoint of another send, before any API call' {
        $foreign = Join-Path $Folder 'foreign.checkpoint'
        [pscustomobject]@{ Email = 'x@example.com' } | Send-CMSubscribers -Destination Hostile -CheckpointPath $foreign -WhatIf | Out-Null
        Reset-CMSandbox -RequestLogOnly -Confirm:$false
        { [pscustomobject]@{ Email = 'other@example.com'; Name = 'Other' } | Send-CMSubscribers -Destination Hostile -DataTemplate Crm -CheckpointPath $foreign } |
            Should -Throw '*belongs to a send to*'
        Get-CMSandboxRequest | Should -BeNullOrEmpty
    }
}

Describe 'Personal data in a restricted session' {
    It 'leaves no unmasked email address, name or phone number in any stream, transcript, reject file or error' {
        $configDir = Join-Path $Folder 'pii-config'
        $transcript = Join-Path $Folder 'pii-transcript.txt'
        $rejects = Join-Path $Folder 'pii-rejects.csv'
        $people = @(
            @{ Email = 'zelda.unmasked@example.com'; First = 'Zelda'; Last = 'Quixote'; Phone = '+61412345678' }
            @{ Email = 'yorick.visible@example.com'; First = 'Yorick'; Last = 'Vanderbilt'; Phone = '+61487654321' }
        )
        $rows = ($people | ForEach-Object { "[pscustomobject]@{ EmailAddress = '$($_.Email)'; FirstName = '$($_.First)'; LastName = '$($_.Last)'; Mobile = '$($_.Phone)'; Tier = 'Wood' }" }) -join ', '
        $result = Invoke-CMFreshPwsh -Environment @{ CM_CONFIG_DIR = $configDir } -Script @"
`$VerbosePreference = 'Continue'; `$DebugPreference = 'Continue'; `$ErrorActionPreference = 'Continue'
Start-Transcript -Path '$transcript' | Out-Null
Import-Module `$Manifest
`$sb = Start-CMSandbox
`$sb | New-CMCredential -Name P | Out-Null
Add-CMDestination -Name D -Credential P -ListName L -AllowRestrictedPii | Out-Null
Add-CMDataTemplate -Name T -Destination D -AllowRestrictedPii -Mapping @{ EmailAddress = 'EmailAddress'; Name = 'Name'; Mobile = 'MobileNumber'; Tier = @{ Field = 'Tier'; Type = 'MultiSelectOne'; Options = 'Gold' } } | Out-Null
Add-CMSandboxData -ListName L -Subscriber @{ EmailAddress = '$($people[1].Email)'; Name = '$($people[1].First) $($people[1].Last)'; State = 'Unsubscribed' } | Out-Null
`$env:CM_PII_ACCESS = 'Restricted'
`$r = @($rows) | Send-CMSubscribers -Destination D -RejectPath '$rejects' -Verbose -Debug
`$r | Format-List *; `$r.Rejects | Format-List *; `$r | ConvertTo-Json -Depth 4
@($rows) | ForEach-Object { `$_.Tier = 'Gold'; `$_ } | Send-CMSubscribers -Destination D -DataTemplate T -Verbose -Debug | Format-List *
Get-CMSubscriber -Destination D -Verbose -Debug | Format-List *
Get-CMSubscriber -Destination D -State Unsubscribed | ConvertTo-Json -Depth 4
`$env:CM_PII_ACCESS = `$null
Add-CMSandboxData -ListName L -Campaigns 1 | Out-Null
`$env:CM_PII_ACCESS = 'Restricted'
Get-CMCampaign -Credential P | Get-CMCampaignActivity -Type Recipients -Verbose | Format-List *
`$Error | Format-List * -Force | Out-String -Width 400
`$Error | ForEach-Object { `$_.TargetObject | Format-List * | Out-String }
Stop-CMSandbox
Stop-Transcript | Out-Null
'@done'
"@
        $result.Output | Should -Match '@done'
        $result.Output | Should -Match ([regex]::Escape('z***@example.com'))
        $capture = @($result.Output, (Get-Content $transcript -Raw), (Get-Content $rejects -Raw)) -join "`n"
        foreach ($person in $people) {
            foreach ($secret in $person.Email, $person.First, $person.Last, $person.Phone, ($person.Email -split '@')[0]) {
                $capture | Should -Not -Match ([regex]::Escape($secret))
            }
        }
    }
}

Describe 'Stopping a send (Ctrl+C)' {
    It 'stops promptly, sends nothing more, and leaves whole lines in the reject file' {
        Reset-CMSandbox -Confirm:$false
        [pscustomobject]@{ Email = 'warm@example.com' } | Send-CMSubscribers -Destination Hostile -DataTemplate Crm -WarningAction SilentlyContinue | Out-Null
        Set-CMSandboxFault -LatencyMs 200 -PathContains import
        Reset-CMSandbox -RequestLogOnly -Confirm:$false
        $rejects = Join-Path $Folder 'stopped.csv'
        # A pipeline that is stopped from outside, as Ctrl+C does.
        $shell = [powershell]::Create()
        $null = $shell.AddScript(@"
Import-Module '$(Get-CMTestManifestPath)'
`$env:CM_CONFIG_DIR = '$($env:CM_CONFIG_DIR)'
1..200000 | ForEach-Object { if (`$_ % 1000 -eq 7) { [pscustomobject]@{ Email = 'bad' } } else { [pscustomobject]@{ Email = "stop`$_@example.com" } } } |
    Send-CMSubscribers -Destination Hostile -DataTemplate Crm -BatchSize 500 -RejectPath '$rejects' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
"@)
        $running = $shell.BeginInvoke()
        $deadline = (Get-Date).AddSeconds(60)
        while (@(Get-CMSandboxRequest -Path '*import.json' | Where-Object Status -EQ 201).Count -lt 6 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        $watch.Stop()
        $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $afterStop = @(Get-CMSandboxRequest -Path '*import.json').Count
        Start-Sleep -Milliseconds 800
        @(Get-CMSandboxRequest -Path '*import.json').Count | Should -Be $afterStop -Because 'nothing is sent after the stop'
        Set-CMSandboxFault
        $lines = Get-Content $rejects
        $lines[0] | Should -Be '"Email","Code","Reason"'
        $lines | Select-Object -Skip 1 | ForEach-Object { $_ | Should -Match '^"bad","InvalidEmail","[^"]+"$' }
        $shell.Dispose()
    }
}
