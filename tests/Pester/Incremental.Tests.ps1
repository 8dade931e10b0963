# -Incremental (issue 16): only what changed is sent; the state survives stops, follows mapping changes, and
# never records a row the API refused.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-CMTestManifestPath) -Force
    $script:Sandbox = Enter-CMTestSandbox -Name incremental
    Add-CMDestination -Name Nightly -Credential Sandbox -ListName 'Nightly' | Out-Null
    $script:Mapping = [ordered]@{ Email = 'EmailAddress'; Name = 'Name'; Tier = @{ Field = 'Tier'; Type = 'MultiSelectOne'; Options = 'Gold', 'Silver' }; Points = @{ Field = 'Points'; Type = 'Number' } }
    Add-CMDataTemplate -Name Crm -Destination Nightly -ConsentToTrack Yes -Mapping $Mapping | Out-Null
    $script:Rows = 1..10000 | ForEach-Object { [pscustomobject]@{ Email = "member$_@example.com"; Name = "Member $_"; Tier = ('Gold', 'Silver')[$_ % 2]; Points = $_ } }
    function script:Imports { @(Get-CMSandboxRequest -Path '*import.json' | Where-Object Method -EQ 'POST') }
    function script:Fresh {
        Reset-CMSandbox -Confirm:$false
        Set-CMSandboxFault
    }
}

AfterAll {
    Exit-CMTestSandbox -Sandbox $Sandbox
}

Describe 'Send-CMSubscribers -Incremental' {
    BeforeEach { Fresh }

    It 'sends nothing when nothing changed, then exactly the 100 rows that changed, in one request' {
        $first = $Rows | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental
        $first.New | Should -Be 10000
        Reset-CMSandbox -RequestLogOnly -Confirm:$false
        $again = $Rows | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental
        $again.Unchanged | Should -Be 10000
        $again.Received | Should -Be 10000
        Assert-CMAccounting $again
        @(Imports).Count | Should -Be 0

        $changed = $Rows | ForEach-Object { if ($_.Points % 100 -eq 0) { $c = $_.PSObject.Copy(); $c.Points = -1; $c } else { $_ } }
        $third = $changed | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental
        $third.Unchanged | Should -Be 9900
        $third.Existing | Should -Be 100
        $imports = Imports
        $imports.Count | Should -Be 1
        $imports[0].BatchSize | Should -Be 100
        # A change in Campaign Monitor's terms only: the field order and the case of the options do not count.
        $reordered = $changed | Select-Object Points, Tier, Name, Email
        ($reordered | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental).Unchanged | Should -Be 10000
    }

    It 'counts unchanged rows under -WhatIf, and writes no state then' {
        $Rows | Select-Object -First 100 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental | Out-Null
        $statePath = Join-Path $env:CM_CONFIG_DIR 'state/nightly@crm.state'
        $written = (Get-Item $statePath).LastWriteTimeUtc
        $dry = $Rows | Select-Object -First 150 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental -WhatIf
        $dry.Unchanged | Should -Be 100
        $dry.WouldSend | Should -Be 50
        (Get-Item $statePath).LastWriteTimeUtc | Should -Be $written
    }

    It 'starts afresh when the mapping changes, and with -Resync' {
        $Rows | Select-Object -First 500 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental | Out-Null
        # Points now go to another field: what is sent changed, so the state no longer says what the list holds.
        $other = [ordered]@{} + $Mapping
        $other['Points'] = @{ Field = 'Score'; Type = 'Number' }
        Set-CMDataTemplate -Name Crm -Mapping $other
        try {
            $after = $Rows | Select-Object -First 500 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental -Verbose 4>&1
            $result = $after | Where-Object { $_ -is [CampaignMonitor.SendResult] }
            $result.Unchanged | Should -Be 0
            $result.Existing | Should -Be 500
            @($after | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Incremental: starting afresh (the mapping*' }).Count | Should -Be 1
        }
        finally { Set-CMDataTemplate -Name Crm -Mapping $Mapping }
        $Rows | Select-Object -First 500 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental | Out-Null
        $resync = $Rows | Select-Object -First 500 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Resync
        $resync.Unchanged | Should -Be 0
        $resync.Existing | Should -Be 500
        ($Rows | Select-Object -First 500 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental).Unchanged | Should -Be 500
    }

    It 'ends with the later row of a repeated address even when that row is unchanged and the earlier one is not' {
        @([pscustomobject]@{ Email = 'twice@example.com'; Name = 'Old'; Tier = 'Gold'; Points = 1 }
          [pscustomobject]@{ Email = 'twice@example.com'; Name = 'Latest'; Tier = 'Gold'; Points = 2 }) |
            Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental | Out-Null
        (Get-CMSubscriber -Destination Nightly -EmailAddress 'twice@example.com').Name | Should -Be 'Latest'
        # The same export again: the earlier row differs from what was recorded, the later one does not.
        $again = @([pscustomobject]@{ Email = 'twice@example.com'; Name = 'Old'; Tier = 'Gold'; Points = 1 }
          [pscustomobject]@{ Email = 'twice@example.com'; Name = 'Latest'; Tier = 'Gold'; Points = 2 }) |
            Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental
        Assert-CMAccounting $again
        (Get-CMSubscriber -Destination Nightly -EmailAddress 'twice@example.com').Name | Should -Be 'Latest'
    }

    It 'does not record a row the API refused: it is sent again next time' {
        Add-CMSandboxData -ListName Nightly -Subscriber @{ EmailAddress = 'member7@example.com'; State = 'Unsubscribed' } | Out-Null
        $first = $Rows | Select-Object -First 10 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental -WarningAction SilentlyContinue
        $first.Rejected | Should -Be 1
        $again = $Rows | Select-Object -First 10 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental -WarningAction SilentlyContinue
        $again.Unchanged | Should -Be 9
        $again.Rejected | Should -Be 1 -Because 'the refused row was sent again'
    }

    It 'after a send stopped midway, the next one sends at least every row that was not confirmed' {
        Set-CMSandboxFault -LatencyMs 150 -PathContains 'import'
        Stop-CMSendMidway -AfterImports 4 -Send @'
1..10000 | ForEach-Object { [pscustomobject]@{ Email = "member$_@example.com"; Name = "Member $_"; Tier = ('Gold', 'Silver')[$_ % 2]; Points = $_ } } |
    Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental -BatchSize 500 -WarningAction SilentlyContinue
'@
        Set-CMSandboxFault
        $confirmed = (Imports | Where-Object Status -EQ 201 | Measure-Object BatchSize -Sum).Sum
        $confirmed | Should -BeGreaterThan 0
        $next = $Rows | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental
        Assert-CMAccounting $next
        $next.Unchanged | Should -BeLessOrEqual $confirmed
        ($next.New + $next.Existing) | Should -BeGreaterOrEqual (10000 - $confirmed)
        (Get-CMListStats -Destination Nightly).TotalActiveSubscribers | Should -Be 10000
    }

    It 'after a send killed midway (the process gone, nothing saved), the next one sends at least every row that was not confirmed' {
        $Rows | Select-Object -First 2000 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental | Out-Null
        Set-CMSandboxFault -LatencyMs 150 -PathContains 'import'
        Reset-CMSandbox -RequestLogOnly -Confirm:$false
        $script = "`$env:CM_CONFIG_DIR = '$($env:CM_CONFIG_DIR)'; Import-Module '$(Get-CMTestManifestPath)'; " +
            "1..10000 | ForEach-Object { [pscustomobject]@{ Email = `"member`$_@example.com`"; Name = `"Member `$_ (moved)`"; Tier = 'Gold'; Points = `$_ } } | " +
            "Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental -BatchSize 500"
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
        $child = Start-Process -FilePath 'dotnet' -ArgumentList @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded) -PassThru -RedirectStandardOutput (Join-Path $TestDrive 'out.txt')
        $deadline = (Get-Date).AddSeconds(60)
        while (@(Imports | Where-Object Status -EQ 201).Count -lt 3 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 20 }
        $child.Kill($true)
        $child.WaitForExit()
        Set-CMSandboxFault
        $confirmed = (Imports | Where-Object Status -EQ 201 | Measure-Object BatchSize -Sum).Sum
        $confirmed | Should -BeGreaterThan 0
        $moved = 1..10000 | ForEach-Object { [pscustomobject]@{ Email = "member$_@example.com"; Name = "Member $_ (moved)"; Tier = 'Gold'; Points = $_ } }
        $next = $moved | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental
        Assert-CMAccounting $next
        ($next.New + $next.Existing) | Should -BeGreaterOrEqual (10000 - $confirmed)
        $next.Unchanged | Should -Be 0 -Because 'the killed send saved nothing, so last state still has the old values'
    }

    It 'forgets what it sent to a sandbox that was reset' {
        $Rows | Select-Object -First 30 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental | Out-Null
        Reset-CMSandbox -Confirm:$false
        $after = $Rows | Select-Object -First 30 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -Incremental
        $after.Unchanged | Should -Be 0
        $after.New | Should -Be 30
    }

    It 'keeps the state where -StatePath says, and refuses a file that is not a state' {
        $path = Join-Path ([IO.Path]::GetTempPath()) "cm-state-$([guid]::NewGuid()).state"
        try {
            $Rows | Select-Object -First 20 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -StatePath $path | Out-Null
            (Get-Item $path).Length | Should -Be (24 + 20 * 16)
            ($Rows | Select-Object -First 20 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -StatePath $path).Unchanged | Should -Be 20
            Set-Content -Path $path -Value 'not a state'
            $failure = $null
            try { $Rows | Select-Object -First 5 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -StatePath $path -ErrorAction Stop } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -BeLike 'StateInvalid,*'
            $failure.Exception.Message | Should -BeLike "*is not an incremental state*-Resync*"
        }
        finally { Remove-Item $path -ErrorAction SilentlyContinue }
    }
}
