# The run history (issue 16): one entry per send that reached the API, no subscriber data, newest 1000 kept.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-CMTestManifestPath) -Force
    $script:Sandbox = Enter-CMTestSandbox -Name history
    Add-CMDestination -Name Daily -Credential Sandbox -ListName 'Daily' | Out-Null
    Add-CMDestination -Name Weekly -Credential Sandbox -ListName 'Weekly' | Out-Null
    Add-CMDestination -Name Monthly -Credential Sandbox -ListName 'Monthly' | Out-Null
    Add-CMDataTemplate -Name People -Destination Daily -Mapping ([ordered]@{ Email = 'EmailAddress'; Name = 'Name'; City = 'City' }) | Out-Null
    $script:HistoryFile = Join-Path $env:CM_CONFIG_DIR 'history/sends.jsonl'
    function Rows([int] $Count, [string] $Prefix = 'person') {
        1..$Count | ForEach-Object { [pscustomobject]@{ Email = "$Prefix$_@example.com"; Name = "Secret Name $_"; City = "Hidden City $_" } }
    }
}

AfterAll {
    Exit-CMTestSandbox -Sandbox $Sandbox
}

Describe 'Get-CMSendHistory' {
    BeforeEach {
        Set-CMSandboxFault
        Remove-Item $HistoryFile -ErrorAction SilentlyContinue
    }

    It 'records a send that completed: who, where, when and the counts' {
        $before = Get-Date
        $result = Rows 30 | Send-CMSubscribers -Destination Daily -DataTemplate People
        $entry = @(Get-CMSendHistory)
        $entry.Count | Should -Be 1
        $entry[0].PSObject.TypeNames[0] | Should -Be 'CampaignMonitor.SendHistoryEntry'
        $entry[0].Status | Should -Be 'Completed'
        $entry[0].Destination | Should -Be 'Daily'
        $entry[0].DataTemplate | Should -Be 'People'
        $entry[0].ListId | Should -Be $result.ListId
        $entry[0].Received | Should -Be 30
        $entry[0].New | Should -Be $result.New
        $entry[0].Machine | Should -Be ([Environment]::MachineName)
        $entry[0].Account | Should -BeLike "*$([Environment]::UserName)"
        $entry[0].StartTime | Should -BeGreaterOrEqual $before.AddSeconds(-1)
        $entry[0].Duration | Should -BeGreaterThan ([TimeSpan]::Zero)
        $entry[0].Error | Should -BeNullOrEmpty
        ($entry[0] | Format-Table | Out-String) | Should -Match 'Daily\s+Completed\s+30'
    }

    It 'records a send with rows not delivered as Failed, and one a terminating error ended with its message' {
        Set-CMSandboxFault -ErrorRate 1 -PathContains 'import'
        Rows 5 | Send-CMSubscribers -Destination Daily -DataTemplate People -MaxRetries 0 -ErrorAction SilentlyContinue | Out-Null
        Set-CMSandboxFault -ErrorRate 1 -PathContains 'customfields'
        { Rows 5 | Send-CMSubscribers -Destination Daily -DataTemplate People -MaxRetries 0 -ErrorAction Stop } | Should -Throw
        $failed, $undelivered = Get-CMSendHistory
        $failed.Status | Should -Be 'Failed'
        $failed.Error | Should -BeLike '*customfields*'
        $failed.Received | Should -Be 0 -Because 'the send ended before its first row was taken in'
        $undelivered.Status | Should -Be 'Failed'
        $undelivered.Failed | Should -Be 5
        $undelivered.Error | Should -BeNullOrEmpty
    }

    It 'records a send that was stopped' {
        Set-CMSandboxFault -LatencyMs 300 -PathContains 'import'
        Stop-CMSendMidway -Send '1..100000 | ForEach-Object { [pscustomobject]@{ Email = "stopped$_@example.com" } } | Send-CMSubscribers -Destination Weekly -BatchSize 200 -WarningAction SilentlyContinue'
        # Recorded as the stopped command is disposed: give that a moment.
        $deadline = (Get-Date).AddSeconds(10)
        while (-not ($entry = Get-CMSendHistory -Destination Weekly -Last 1) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $entry.Status | Should -Be 'Stopped'
        $entry.Received | Should -BeGreaterThan 0
    }

    It 'records a send whose input failed midway as failed, not completed' {
        $feed = { 1..3000 | ForEach-Object { if ($_ -eq 2500) { throw 'the export broke' }; [pscustomobject]@{ Email = "feed$_@example.com" } } }
        { & $feed | Send-CMSubscribers -Destination Monthly -WarningAction SilentlyContinue } | Should -Throw '*the export broke*'
        $entry = Get-CMSendHistory -Destination Monthly -Last 1
        $entry.Status | Should -Be 'Failed'
        $entry.Error | Should -BeLike '*ended before its input did*'
        $entry.Received | Should -Be 2499
    }

    It 'records nothing for -WhatIf, nor for a send refused before any request' {
        Rows 5 | Send-CMSubscribers -Destination Daily -DataTemplate People -WhatIf | Out-Null
        { [pscustomobject]@{ NoEmailHere = 1 } | Send-CMSubscribers -Destination Weekly -ErrorAction Stop } | Should -Throw
        @(Get-CMSendHistory).Count | Should -Be 0
        $HistoryFile | Should -Not -Exist
    }

    It 'holds no subscriber data: no address, name or value in the file' {
        Rows 10 -Prefix 'private' | Send-CMSubscribers -Destination Daily -DataTemplate People | Out-Null
        # An error message that quotes an address keeps the rest of the message, not the address.
        Set-CMSandboxFault -ErrorRate 1 -PathContains 'customfields'
        { Rows 1 -Prefix 'quoted' | Send-CMSubscribers -Destination Daily -DataTemplate People -MaxRetries 0 -ErrorAction Stop } | Should -Throw
        $text = Get-Content $HistoryFile -Raw
        $text | Should -Not -Match '@example\.com'
        $text | Should -Not -Match 'Secret Name|Hidden City|private\d|quoted\d'
        @(Get-CMSendHistory).Count | Should -Be 2
    }

    It 'filters by -Destination (wildcards, or Get-CMDestination piped in), -Since and -Last, newest first' {
        Rows 3 | Send-CMSubscribers -Destination Daily -DataTemplate People | Out-Null
        Start-Sleep -Milliseconds 50
        $middle = Get-Date
        Rows 4 | Send-CMSubscribers -Destination Weekly | Out-Null
        Rows 5 | Send-CMSubscribers -Destination Daily -DataTemplate People | Out-Null
        (Get-CMSendHistory).Received | Should -Be 5, 4, 3
        (Get-CMSendHistory -Destination Daily).Received | Should -Be 5, 3
        (Get-CMSendHistory -Destination 'W*').Received | Should -Be 4
        (Get-CMDestination Weekly | Get-CMSendHistory).Received | Should -Be 4
        (Get-CMSendHistory -Since $middle).Received | Should -Be 5, 4
        (Get-CMSendHistory -Last 2).Received | Should -Be 5, 4
    }

    It 'keeps the newest 1000 sends' {
        Rows 2 | Send-CMSubscribers -Destination Weekly | Out-Null
        $line = Get-Content $HistoryFile
        $old = $line -replace '"Received":2', '"Received":999' -replace '"Destination":"Weekly"', '"Destination":"Old"'
        Set-Content -Path $HistoryFile -Value (@($old) * 1000)
        Rows 3 | Send-CMSubscribers -Destination Weekly | Out-Null
        @(Get-Content $HistoryFile).Count | Should -Be 1000
        $all = Get-CMSendHistory
        $all.Count | Should -Be 1000
        $all[0].Received | Should -Be 3
        @($all | Where-Object Destination -EQ 'Old').Count | Should -Be 999
    }
}
