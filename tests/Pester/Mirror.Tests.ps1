# -Mirror (issue 16): the list ends holding exactly the input, under every safety rule.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-CMTestManifestPath) -Force
    $script:Sandbox = Enter-CMTestSandbox -Name mirror
    Add-CMDestination -Name Audience -Credential Sandbox -ListName 'Audience' | Out-Null
    Add-CMDataTemplate -Name Dated -Destination Audience -Mapping ([ordered]@{ Email = 'EmailAddress'; Joined = @{ Field = 'Joined'; Type = 'Date' } }) | Out-Null

    function script:Seed([int] $Members = 1000) {
        Reset-CMSandbox -Confirm:$false
        Set-CMSandboxFault
        Add-CMSandboxData -ListName 'Audience' -Active $Members | Out-Null
        @(Get-CMSubscriber -Destination Audience | ForEach-Object { [pscustomobject]@{ Email = $_.EmailAddress } })
    }
    function script:Count([string] $State) { @(Get-CMSubscriber -Destination Audience -State $State).Count }
    function script:NewRows([int] $Count) { 1..$Count | ForEach-Object { [pscustomobject]@{ Email = "joiner$_@example.com" } } }
}

AfterAll {
    Exit-CMTestSandbox -Sandbox $Sandbox
}

Describe 'Send-CMSubscribers -Mirror' {
    It 'deletes the 100 members who left: 900 kept plus 50 new leaves 950 active' {
        $members = Seed
        $result = @($members | Select-Object -First 900) + @(NewRows 50) | Send-CMSubscribers -Destination Audience -Mirror
        Assert-CMAccounting $result
        $result.MirrorStatus | Should -Be 'Done'
        $result.Removed | Should -Be 100
        $result.RemoveFailed | Should -Be 0
        Count Active | Should -Be 950
        Count Deleted | Should -Be 100
        @(Get-CMSubscriber -Destination Audience -State Deleted).EmailAddress | Should -Be @($members | Select-Object -Skip 900).Email
        (Get-CMSendHistory -Last 1).Removed | Should -Be 100
    }

    It 'unsubscribes them instead with -MirrorAction Unsubscribe' {
        $members = Seed
        $result = @($members | Select-Object -First 900) + @(NewRows 50) | Send-CMSubscribers -Destination Audience -Mirror -MirrorAction Unsubscribe
        $result.Removed | Should -Be 100
        Count Active | Should -Be 950
        Count Unsubscribed | Should -Be 100
        Count Deleted | Should -Be 0
    }

    It 'refuses above -MaxRemovalPercent: nothing removed, the result first, then an error with the counts' {
        $members = Seed
        $output = $null
        $failure = $null
        try { $members | Select-Object -First 750 | Send-CMSubscribers -Destination Audience -Mirror -ErrorAction Stop -OutVariable output | Out-Null }
        catch { $failure = $_ }
        $output.MirrorStatus | Should -Be 'RefusedLimit'
        $output.WouldRemove | Should -Be 250
        $output.Removed | Should -Be 0
        $failure.FullyQualifiedErrorId | Should -BeLike 'MirrorLimitExceeded,*'
        $failure.Exception.Message | Should -BeLike '*remove 250 of the list''s 1,000 *(25.0%), more than -MaxRemovalPercent 20: nobody was removed*-MaxRemovalPercent 25*'
        Count Active | Should -Be 1000
        (Get-CMSendHistory -Last 1).Error | Should -BeLike '*-MaxRemovalPercent 20*'
        ($members | Select-Object -First 750 | Send-CMSubscribers -Destination Audience -Mirror -MaxRemovalPercent 25).Removed | Should -Be 250
    }

    It 'removes nothing under -WhatIf and says how many it would' {
        $members = Seed
        $dry = $members | Select-Object -First 900 | Send-CMSubscribers -Destination Audience -Mirror -WhatIf
        $dry.MirrorStatus | Should -Be 'WhatIf'
        $dry.WouldRemove | Should -Be 100
        $dry.Removed | Should -Be 0
        Count Active | Should -Be 1000
        @(Get-CMSandboxRequest | Where-Object Method -EQ 'DELETE').Count | Should -Be 0
    }

    It 'removes nothing after a send with failures, or with an empty input' {
        $members = Seed
        Set-CMSandboxFault -ErrorRate 1 -PathContains 'import'
        $failed = $members | Select-Object -First 900 | Send-CMSubscribers -Destination Audience -Mirror -MaxRetries 0 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $failed.MirrorStatus | Should -Be 'SkippedFailures'
        $failed.Removed | Should -Be 0
        Set-CMSandboxFault
        $empty = @() | Send-CMSubscribers -Destination Audience -Mirror -WarningVariable warned -WarningAction SilentlyContinue
        $empty.MirrorStatus | Should -Be 'SkippedEmptyInput'
        $warned | Should -BeLike '*no row was received*'
        Count Active | Should -Be 1000
    }

    It 'keeps a member whose row was rejected for a bad value' {
        $members = Seed 20
        $rows = $members | ForEach-Object { [pscustomobject]@{ Email = $_.Email; Joined = '2024-01-01' } }
        $rows[3].Joined = 'not a date'
        $result = $rows | Select-Object -First 19 | Send-CMSubscribers -Destination Audience -DataTemplate Dated -Mirror -MaxRemovalPercent 100 -WarningAction SilentlyContinue
        $result.Rejected | Should -Be 1
        $result.Removed | Should -Be 1 -Because 'only the member missing from the input goes, not the one with the bad date'
        @(Get-CMSubscriber -Destination Audience -State Deleted).EmailAddress | Should -Be $members[19].Email
    }

    It 'ends with every member who left removed, and the counts right, when requests fail on the way' {
        $members = Seed
        Set-CMSandboxFault -ErrorRate 0.3 -PathContains 'subscribers/' -Seed 7
        $result = @($members | Select-Object -First 900) + @(NewRows 50) | Send-CMSubscribers -Destination Audience -Mirror
        Set-CMSandboxFault
        $result.Removed | Should -Be 100
        $result.RemoveFailed | Should -Be 0
        Count Active | Should -Be 950
        Count Deleted | Should -Be 100
        @(Get-CMSandboxRequest | Where-Object { $_.Method -eq 'DELETE' -and $_.Status -ge 500 }).Count | Should -BeGreaterThan 0
    }

    It 'with -Incremental, sends an unchanged row whose member is no longer active, and forgets the members it removed' {
        $members = Seed 10
        $members | Send-CMSubscribers -Destination Audience -Mirror -Incremental | Out-Null
        Add-CMSandboxData -ListName 'Audience' -Subscriber @{ EmailAddress = $members[2].Email; State = 'Deleted' } | Out-Null
        $again = $members | Send-CMSubscribers -Destination Audience -Mirror -Incremental -WarningAction SilentlyContinue
        $again.Unchanged | Should -Be 9 -Because 'the member deleted in Campaign Monitor was sent again'
        $members | Select-Object -First 9 | Send-CMSubscribers -Destination Audience -Mirror -Incremental -MaxRemovalPercent 100 | Out-Null
        $back = $members | Send-CMSubscribers -Destination Audience -Incremental -WarningAction SilentlyContinue
        $back.Unchanged | Should -Be 9 -Because 'the removed member left the state, so its row is sent again'
    }
}
