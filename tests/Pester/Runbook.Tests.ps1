# Send-CMSubscribers the way real runbooks use it: under $ErrorActionPreference = 'Stop', with messy exports, run
# nightly, twice at once, against lists people rename. One Describe per finding of issue 13.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-CMTestManifestPath) -Force
    $script:SavedConfig = $env:CM_CONFIG_DIR
    $env:CM_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "cm-runbook-$([guid]::NewGuid())"
    $script:Folder = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "cm-runbook-files-$([guid]::NewGuid())")).FullName
    $script:Sandbox = Start-CMSandbox
    $Sandbox | New-CMCredential -Name Sandbox | Out-Null
    Add-CMDestination -Name Nightly -Credential Sandbox -ListName 'Nightly' | Out-Null
    Add-CMDataTemplate -Name Crm -Destination Nightly -ConsentToTrack Yes -Mapping ([ordered]@{
            Email  = 'EmailAddress'
            Name   = 'Name'
            Tier   = @{ Field = 'Tier'; Type = 'MultiSelectOne'; Options = 'Gold', 'Silver' }
            Points = @{ Field = 'Points'; Type = 'Number' }
        }) | Out-Null

    function script:Rows([int] $Count, [string] $Prefix = 'r', [int] $BadAt = 0) {
        foreach ($i in 1..$Count) {
            [pscustomobject]@{ Email = if ($i -eq $BadAt) { 'not-an-address' } else { "$Prefix$i@example.com" }; Name = "Row $i"; Tier = 'Gold'; Points = $i }
        }
    }
    # Invoke-RestMethod gives a JSON array as one object: each element is taken out of it.
    function script:ListIds { @(Invoke-CMSandboxApi -Sandbox $Sandbox -Path "clients/$($Sandbox.ClientId)/lists.json" | ForEach-Object { $_ }) }
    function script:ApiCall([string] $Method, [string] $Path, $Body) {
        $credential = [pscredential]::new([System.Net.NetworkCredential]::new('', $Sandbox.ApiKey).Password, (ConvertTo-SecureString 'x' -AsPlainText -Force))
        $json = if ($null -ne $Body) { $Body | ConvertTo-Json -Depth 5 } else { $null }
        Invoke-RestMethod -Method $Method -Uri ($Sandbox.BaseUri + $Path) -Authentication Basic -Credential $credential -AllowUnencryptedAuthentication -ContentType 'application/json' -Body $json
    }
}

AfterAll {
    Stop-CMSandbox -Sandbox $Sandbox
    Remove-Item $env:CM_CONFIG_DIR, $Folder -Recurse -Force -ErrorAction SilentlyContinue
    $env:CM_CONFIG_DIR = $SavedConfig
}

Describe '1. Rejects are data: a runbook under $ErrorActionPreference = ''Stop'' delivers every good row' {
    It 'imports 4,999 of 5,000 rows with a malformed email at row 2,500, writes the result and the reject file, and raises nothing' {
        Reset-CMSandbox -Confirm:$false
        $rejects = Join-Path $Folder 'stop.csv'
        $result = & {
            $ErrorActionPreference = 'Stop'
            Rows 5000 -BadAt 2500 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -RejectPath $rejects -WarningVariable script:warnings -WarningAction SilentlyContinue
        }
        $result | Should -Not -BeNullOrEmpty
        Assert-CMAccounting $result
        $result.New | Should -Be 4999
        $result.Rejected | Should -Be 1
        $result.Rejects[0].RowNumber | Should -Be 2500
        (Get-CMListStats -Destination Nightly).TotalActiveSubscribers | Should -Be 4999
        @(Import-Csv $rejects).Count | Should -Be 1
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "1 row rejected: 1 InvalidEmail; see '$rejects'*"
    }

    It 'ends (after the result) with one SubscribersNotDelivered error when rows could not be delivered, terminating under Stop' {
        Reset-CMSandbox -Confirm:$false
        Rows 1 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm | Out-Null
        Set-CMSandboxFault -ErrorRate 1 -PathContains import
        try {
            $output = [System.Collections.Generic.List[object]]::new()
            $failure = $null
            try {
                & { $ErrorActionPreference = 'Stop'; Rows 300 -Prefix down | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -BatchSize 100 -MaxRetries 0 -WarningAction SilentlyContinue } |
                    ForEach-Object { $output.Add($_) }
            }
            catch { $failure = $_ }
        }
        finally { Set-CMSandboxFault }
        $output.Count | Should -Be 1 -Because 'the result comes before the error'
        $output[0].Failed | Should -Be 300
        $failure.FullyQualifiedErrorId | Should -BeLike 'SubscribersNotDelivered,*'
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        $failure.Exception.Message | Should -BeLike '300 of 300 rows could not be delivered*'
    }
}

Describe '2. One systematic problem: one warning, not an error per row' {
    It 'sums up 20,000 rows refused by one check in one warning and no error' {
        Reset-CMSandbox -Confirm:$false
        $rows = 1..20000 | ForEach-Object { [pscustomobject]@{ Email = "c$_@example.com"; ConsentToTrack = 'Maybe' } }
        $result = $rows | Send-CMSubscribers -Destination Nightly -ErrorVariable errs -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Rejected | Should -Be 20000
        $errs.Count | Should -Be 0
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "20,000 rows rejected: 20,000 InvalidConsent; see the result's Rejects*"
        $result.Rejects.Count | Should -Be 1000 -Because 'the result keeps the first 1000'
    }
}

Describe '2b. A stopped send (Ctrl+C) tells what was delivered, without -Verbose' {
    It 'writes the confirmed counts to the host when the pipeline is stopped' {
        # A fresh pwsh whose console we read, with its own sandbox; the send runs in a runspace on that console host
        # and is stopped from outside, as Ctrl+C does, once it is sending (its progress bar is up).
        $script = "`$Manifest = '$(Get-CMTestManifestPath)'`n" + @'
Import-Module $Manifest
$env:CM_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "cm-stop-$([guid]::NewGuid())"
$sb = Start-CMSandbox
$sb | New-CMCredential -Name S | Out-Null
Add-CMDestination -Name D -Credential S -ListName L | Out-Null
Set-CMSandboxFault -LatencyMs 300 -PathContains import
$runspace = [runspacefactory]::CreateRunspace($Host)
$runspace.Open()
$shell = [powershell]::Create()
$shell.Runspace = $runspace
$null = $shell.AddScript("Import-Module '$Manifest'; `$env:CM_CONFIG_DIR = '$env:CM_CONFIG_DIR'; 1..100000 | ForEach-Object { [pscustomobject]@{ Email = `"s`$_@example.com`" } } | Send-CMSubscribers -Destination D -BatchSize 500")
$running = $shell.BeginInvoke()
$watch = [Diagnostics.Stopwatch]::StartNew()
while (-not ($shell.Streams.Progress | Where-Object Activity -Like 'Send-CMSubscribers to*') -and $watch.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 100 }
$shell.Stop()
$shell.Dispose()
$runspace.Dispose()
Stop-CMSandbox
Remove-Item $env:CM_CONFIG_DIR -Recurse -Force
'stopped'
'@
        # The host writes the line from the stopping thread to the console's error stream: both are read.
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))) {
            $start.ArgumentList.Add($argument)
        }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $child = [Diagnostics.Process]::Start($start)
        $stdout = $child.StandardOutput.ReadToEndAsync()
        $stderr = $child.StandardError.ReadToEnd()
        $child.WaitForExit()
        $output = $stdout.Result + $stderr
        $output | Should -Match 'stopped'
        # The console wraps long lines: compare with the line breaks folded.
        # (A console prints it as 'WARNING: ...'; with the error stream redirected pwsh sends it as a serialized warning.)
        ($output -replace '\s+', ' ') | Should -Match '(WARNING: |S="warning">)Send-CMSubscribers stopped after [\d,]+ rows read: [\d,]+ confirmed imported in \d+ batches'
    }
}

Describe '3. A nightly runbook with a fixed -CheckpointPath' {
    It 'deletes the checkpoint after a complete send, so the next day''s changed export is sent' {
        Reset-CMSandbox -Confirm:$false
        $checkpoint = Join-Path $Folder 'nightly.checkpoint'
        $day1 = @(Rows 3000)
        $first = $day1 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -CheckpointPath $checkpoint -BatchSize 500
        $first.New | Should -Be 3000
        Test-Path $checkpoint | Should -BeFalse -Because 'a complete send needs no checkpoint'
        $day2 = @(Rows 3000)
        $day2[4].Name = 'Changed Today'
        $second = $day2 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -CheckpointPath $checkpoint -BatchSize 500
        $second.Skipped | Should -Be 0
        $second.Existing | Should -Be 3000
        (Get-CMSandboxListRows -Sandbox $Sandbox -ListId $second.ListId | Where-Object EmailAddress -EQ 'r5@example.com').Name | Should -Be 'Changed Today'
    }
}

Describe '4. The destination''s list is pinned' {
    BeforeEach { Reset-CMSandbox -Confirm:$false; Set-CMDestination Nightly -ListName 'Nightly' }

    It 'keeps sending to a list renamed in Campaign Monitor, with a warning naming both names' {
        $first = Rows 2 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm
        ApiCall Put "lists/$($first.ListId).json" @{ Title = 'Nightly (renamed)'; UnsubscribeSetting = 'AllClientLists' } | Out-Null
        $second = Rows 3 -Prefix more | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -WarningVariable warnings -WarningAction SilentlyContinue
        $second.ListId | Should -Be $first.ListId
        @(ListIds).Count | Should -Be 1 -Because 'no new list is created under the old name'
        "$warnings" | Should -BeLike "*'Nightly'*'Nightly (renamed)'*Set-CMDestination*"
        (Get-CMListStats -Destination Nightly -WarningAction SilentlyContinue).ListId | Should -Not -BeNullOrEmpty
        Set-CMDestination Nightly -ListName 'Nightly (renamed)'
        $third = Rows 1 -Prefix last | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -WarningVariable quiet -WarningAction SilentlyContinue
        $third.ListId | Should -Be $first.ListId
        $quiet | Should -BeNullOrEmpty
    }

    It 'pins a list found ignoring case, and warns of no rename on the next send' {
        ApiCall Post "lists/$($Sandbox.ClientId).json" @{ Title = 'Casual'; UnsubscribeSetting = 'AllClientLists' } | Out-Null
        Add-CMDestination -Name Casual -Credential Sandbox -ListName 'casual' -Force | Out-Null
        foreach ($i in 1..2) {
            [pscustomobject]@{ Email = "casual$i@example.com" } | Send-CMSubscribers -Destination Casual -WarningVariable +casualWarnings -WarningAction SilentlyContinue | Out-Null
        }
        $casualWarnings | Should -BeNullOrEmpty
        @(ListIds).Count | Should -Be 1
    }

    It 'refuses to send when the pinned list was deleted, saying how to choose again' {
        $first = Rows 2 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm
        ApiCall Delete "lists/$($first.ListId).json" | Out-Null
        $failure = $null
        try { Rows 2 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'PinnedListDeleted,*'
        $failure.Exception.Message | Should -BeLike '*Set-CMDestination -Name ''Nightly'' -ListName*'
        @(ListIds).Count | Should -Be 0 -Because 'no list was created silently'
        Set-CMDestination Nightly -ListName 'Nightly'
        (Rows 2 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm).ListCreated | Should -BeTrue
    }

    It 'refuses a name that matches two lists in different case, naming them, and creates no third' {
        ApiCall Post "lists/$($Sandbox.ClientId).json" @{ Title = 'Promo'; UnsubscribeSetting = 'AllClientLists' } | Out-Null
        ApiCall Post "lists/$($Sandbox.ClientId).json" @{ Title = 'PROMO'; UnsubscribeSetting = 'AllClientLists' } | Out-Null
        Add-CMDestination -Name Promo -Credential Sandbox -ListName 'promo' -Force | Out-Null
        $failure = $null
        try { [pscustomobject]@{ Email = 'p@example.com' } | Send-CMSubscribers -Destination Promo } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'AmbiguousListName,*'
        $failure.Exception.Message | Should -BeLike "*'Promo'*'PROMO'*"
        @(ListIds).Count | Should -Be 2
    }
}

Describe '5. Two sends at once to the same new list' {
    It 'delivers every row of both (20,000 each), into one list with no field twice, <_> times in a row' -ForEach @(20) {
        $manifest = Get-CMTestManifestPath
        foreach ($round in 1..$_) {
            Reset-CMSandbox -Confirm:$false
            $results = 'a', 'b' | ForEach-Object -ThrottleLimit 2 -Parallel {
                $env:CM_CONFIG_DIR = $using:env:CM_CONFIG_DIR
                Import-Module $using:manifest
                $prefix = $_
                1..20000 | ForEach-Object { [pscustomobject]@{ Email = "$prefix$_@example.com"; Name = "$prefix $_"; Tier = 'Silver'; Points = $_ } } |
                    Send-CMSubscribers -Destination Nightly -DataTemplate Crm
            }
            $lists = @(ListIds)
            $lists.Count | Should -Be 1 -Because "round $round"
            ($results | Measure-Object -Property Failed -Sum).Sum | Should -Be 0
            ($results | Measure-Object -Property New -Sum).Sum | Should -Be 40000
            (Get-CMListStats -Destination Nightly).TotalActiveSubscribers | Should -Be 40000 -Because "round $round"
            $fields = @(Invoke-CMSandboxApi -Sandbox $Sandbox -Path "lists/$($lists[0].ListID)/customfields.json" | ForEach-Object { $_ })
            $fields.Count | Should -Be 2 -Because "round ${round}: Tier and Points, once each"
        }
    }
}

Describe '6. -RejectPath' {
    It 'is recreated with its header by a clean run, never left with yesterday''s rejects' {
        Reset-CMSandbox -Confirm:$false
        $rejects = Join-Path $Folder 'daily.csv'
        Rows 3 -BadAt 2 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -RejectPath $rejects -WarningAction SilentlyContinue | Out-Null
        @(Import-Csv $rejects).Count | Should -Be 1
        Rows 3 -Prefix clean | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -RejectPath $rejects | Out-Null
        Get-Content $rejects | Should -Be '"Email","Name","Tier","Points","Code","Reason"'
    }

    It 'guards cells a spreadsheet would run as formulas' {
        $rejects = Join-Path $Folder 'formula.csv'
        [pscustomobject]@{ Email = 'bad'; Name = '=HYPERLINK("http://evil.example","click")'; Tier = '+1'; Points = '-2' } |
            Send-CMSubscribers -Destination Nightly -DataTemplate Crm -RejectPath $rejects -WarningAction SilentlyContinue | Out-Null
        $line = (Get-Content $rejects)[1]
        $line | Should -BeLike '"bad","''=HYPERLINK(""http://evil.example"",""click"")","''+1","''-2",*'
    }
}

Describe '7. Any input PowerShell gives' {
    It 'says in the verbose stream which columns convention mode maps and which it ignores' {
        $verbose = [pscustomobject]@{ Email = 'v@example.com'; Name = 'V'; Shoe = '42' } |
            Send-CMSubscribers -Destination Nightly -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        "$verbose" | Should -BeLike '*Email -> EmailAddress, Name -> Name*Not sent (no field of that name): Shoe*'
    }
}

Describe '8. European exports and templates checked when saved' {
    It 'reads numbers and dates in a culture, per field and per template' {
        Reset-CMSandbox -Confirm:$false
        Add-CMDataTemplate -Name Euro -Destination Nightly -Culture 'de-DE' -Mapping ([ordered]@{
                Email  = 'EmailAddress'
                Total  = @{ Field = 'Total'; Type = 'Number' }
                Since  = @{ Field = 'Since'; Type = 'Date' }
                Points = @{ Field = 'Points'; Type = 'Number'; Culture = 'fr-FR' }
            }) -Force | Out-Null
        $result = [pscustomobject]@{ Email = 'eu@example.com'; Total = '1.234,50'; Since = '06.05.2024'; Points = '2 500,5' } |
            Send-CMSubscribers -Destination Nightly -DataTemplate Euro
        $result.Rejected | Should -Be 0
        $row = Get-CMSandboxListRows -Sandbox $Sandbox -ListId $result.ListId
        ($row.CustomFields | Where-Object Key -EQ 'Total').Value | Should -Be '1234.50'
        ($row.CustomFields | Where-Object Key -EQ 'Since').Value | Should -Be '2024-05-06'
        ($row.CustomFields | Where-Object Key -EQ 'Points').Value | Should -Be '2500.5'
    }

    It 'joins FirstName and LastName into Name' {
        Add-CMDataTemplate -Name Split -Destination Nightly -Mapping ([ordered]@{ Mail = 'EmailAddress'; First = 'FirstName'; Last = 'LastName' }) -Force | Out-Null
        $result = [pscustomobject]@{ Mail = 'ada@example.com'; First = 'Ada'; Last = 'Lovelace' } | Send-CMSubscribers -Destination Nightly -DataTemplate Split
        (Get-CMSandboxListRows -Sandbox $Sandbox -ListId $result.ListId | Where-Object EmailAddress -EQ 'ada@example.com').Name | Should -Be 'Ada Lovelace'
    }

    It 'refuses, when saved, <Case>' -ForEach @(
        @{ Case = 'Options as one string with commas'; Mapping = @{ Email = 'EmailAddress'; Tier = @{ Field = 'Tier'; Type = 'MultiSelectOne'; Options = 'Gold,Silver' } }; Says = "*give them as an array, Options = 'Gold', 'Silver'*" }
        @{ Case = 'a mapping without an email target'; Mapping = @{ Name = 'Name' }; Says = '*has no email target*EmailAddress*' }
        @{ Case = 'a date Format that does not read back'; Mapping = @{ Email = 'EmailAddress'; Born = @{ Field = 'Born'; Type = 'Date'; Format = 'dd/mm/yyyy' } }; Says = "*'dd/mm/yyyy'*does not read back*" }
        @{ Case = 'a Separator on a field that is not MultiSelectMany'; Mapping = @{ Email = 'EmailAddress'; Tags = @{ Field = 'Tags'; Separator = ';' } }; Says = '*Separator is only for MultiSelectMany*' }
        @{ Case = 'an unknown Culture'; Mapping = @{ Email = 'EmailAddress'; P = @{ Field = 'P'; Type = 'Number'; Culture = 'xx-Nowhere' } }; Says = '*not a culture name*' }
    ) {
        { Add-CMDataTemplate -Name Broken -Destination Nightly -Mapping $Mapping -Force -ErrorAction Stop } | Should -Throw $Says
        { Get-CMDataTemplate Broken -ErrorAction Stop } | Should -Throw "*no data template named 'Broken'*"
    }
}

Describe '9. -WhatIf counts what the real send then does' {
    It 'counts rows it would send as WouldSend, finds repeated addresses, and does not claim to create a list that exists' {
        Reset-CMSandbox -Confirm:$false
        Rows 10 | Send-CMSubscribers -Destination Nightly -DataTemplate Crm | Out-Null
        $rows = @(Rows 50 -BadAt 7) + @(Rows 3)
        $dry = $rows | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -WhatIf -WarningAction SilentlyContinue
        Assert-CMAccounting $dry
        $dry.WhatIf | Should -BeTrue
        $dry.ListCreated | Should -BeFalse
        $dry.Skipped | Should -Be 0
        $real = $rows | Send-CMSubscribers -Destination Nightly -DataTemplate Crm -WarningAction SilentlyContinue
        $dry.WouldSend | Should -Be ($real.New + $real.Existing)
        $dry.Duplicates | Should -Be $real.Duplicates
        $dry.Rejected | Should -Be $real.Rejected
        $real.WouldSend | Should -Be 0
        $dry.Duplicates | Should -Be 3
    }
}
