# Send-CMSubscribers against the sandbox over HTTP: what arrives is read back from the sandbox's own API.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-CMTestManifestPath) -Force
    $script:SavedConfig = $env:CM_CONFIG_DIR
    $env:CM_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "cm-send-$([guid]::NewGuid())"
    # A fixed client ID makes the sandbox's list IDs, and so its fault decisions, the same on every run.
    $script:Sandbox = Start-CMSandbox -ClientId "5e7d0000000000000000000000000001"
    $Sandbox | New-CMCredential -Name Sandbox | Out-Null
    Add-CMDestination -Name Newsletter -Credential Sandbox -ListName 'Newsletter' -UnsubscribeSetting OnlyThisList `
        -UnsubscribeUrl 'https://example.com/bye' -ConfirmationUrl 'https://example.com/thanks' | Out-Null
    Add-CMDataTemplate -Name Crm -Destination Newsletter -ConsentToTrack Yes -Mapping ([ordered]@{
            Email     = 'EmailAddress'
            Name      = 'Name'
            Consent   = 'ConsentToTrack'
            Zip       = 'Zip'
            Tier      = @{ Field = 'Loyalty Tier'; Type = 'MultiSelectOne'; Options = 'Gold', 'Silver', 'Bronze' }
            Interests = @{ Field = 'Interests'; Type = 'MultiSelectMany'; Separator = ';'; Options = 'Running', 'Cycling', 'Cooking', 'Travel', 'Books', 'Music' }
            Joined    = @{ Field = 'Joined'; Type = 'Date' }
            Born      = @{ Field = 'Born'; Type = 'Date'; Format = 'dd.MM.yyyy' }
            Points    = @{ Field = 'Points'; Type = 'Number' }
            Phone     = @{ Field = 'Phone'; Type = 'Text'; ClearWhenEmpty = $true }
        }) | Out-Null
    $script:Customers = Join-Path $PSScriptRoot '../../examples/customers.csv'

    function script:Fields($row) {
        $fields = @{}
        foreach ($f in $row.CustomFields) { $fields[$f.Key] = @($fields[$f.Key]) + $f.Value | Where-Object { $null -ne $_ } }
        $fields
    }
    function script:Send([object[]] $Rows, [hashtable] $Options = @{}) {
        $result = $Rows | Send-CMSubscribers -Destination Newsletter -DataTemplate Crm -ErrorAction SilentlyContinue -WarningAction SilentlyContinue @Options
        Assert-CMAccounting $result
        $result
    }
}

AfterAll {
    Stop-CMSandbox -Sandbox $Sandbox
    Remove-Item $env:CM_CONFIG_DIR -Recurse -Force -ErrorAction SilentlyContinue
    $env:CM_CONFIG_DIR = $SavedConfig
}

Describe 'Send-CMSubscribers: the demo scenario' {
    BeforeAll {
        Reset-CMSandbox -Confirm:$false
        $script:Rejects = Join-Path ([IO.Path]::GetTempPath()) "cm-rejects-$([guid]::NewGuid()).csv"
        $script:Output = Import-Csv $Customers | Send-CMSubscribers -Destination Newsletter -DataTemplate Crm -RejectPath $Rejects -ErrorVariable script:RowErrors `
            -WarningVariable script:Warnings -WarningAction SilentlyContinue -Verbose 4>&1
        $script:Result = $Output | Where-Object { $_ -is [CampaignMonitor.SendResult] }
        $script:Verbose = @($Output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $script:Active = @(Get-CMSandboxListRows -Sandbox $Sandbox -ListId $Result.ListId)
    }
    AfterAll { Remove-Item $Rejects -ErrorAction SilentlyContinue }

    It 'accounts for every row' {
        Assert-CMAccounting $Result
        $Result.Received | Should -Be 3000
        $Result.Rejected | Should -Be 8
        $Result.Duplicates | Should -Be 1
        $Result.New | Should -Be 2991
        $Result.Failed | Should -Be 0
        $Result.Batches | Should -Be 3
    }

    It 'puts exactly the valid rows in the list' {
        $Active.Count | Should -Be 2991
        $Result.New + $Result.Duplicates | Should -Be ($Active.Count + 1)
    }

    It 'reports each rejected row as data: a verbose line each, one warning by code, and no error' {
        $RowErrors.Count | Should -Be 0 -Because 'rejects are data, never errors: a runbook under Stop goes on'
        @($Verbose | Where-Object { $_ -like 'Row *' }).Count | Should -Be 8
        $Verbose | Should -Contain "Row 178 (), column 'Email': has no email address."
        $summary = @($Warnings | Where-Object { "$_" -like '*rows rejected*' })
        $summary.Count | Should -Be 1
        "$($summary[0])" | Should -BeLike "8 rows rejected: *1 InvalidEmail*1 NoEmail*; see '$Rejects' or the result's Rejects."
    }

    It 'writes every reject to the reject file with the input columns plus Code and Reason' {
        $rows = Import-Csv $Rejects
        $rows.Count | Should -Be 8
        ($rows[0].PSObject.Properties.Name -join ',') | Should -Be 'Email,Name,Zip,Tier,Interests,Joined,Points,Consent,Code,Reason'
        ($rows.Code | Sort-Object) -join ',' | Should -Be 'DateOutOfRange,InvalidConsent,InvalidDate,InvalidEmail,InvalidNumber,NoEmail,NotAnOption,TooLong'
        ($rows | Where-Object Code -EQ 'NotAnOption').Tier | Should -Be 'Platinum'
    }

    It 'lets the later of two rows with the same address win' {
        $csv = Import-Csv $Customers
        $winner = $Active | Where-Object EmailAddress -EQ $csv[2999].Email.ToLowerInvariant()
        @($winner).Count | Should -Be 1
        $winner.Name | Should -Be $csv[2999].Name
    }
}

Describe 'Send-CMSubscribers: the list and its fields' {
    BeforeAll {
        Reset-CMSandbox -Confirm:$false
        $script:Result = Send -Rows ([pscustomobject]@{ Email = 'a@example.com'; Name = 'A'; Tier = 'Gold' })
    }

    It 'creates the list with the destination''s settings' {
        $Result.ListCreated | Should -BeTrue
        $details = Invoke-CMSandboxApi -Sandbox $Sandbox -Path "lists/$($Result.ListId).json"
        $details.Title | Should -Be 'Newsletter'
        $details.UnsubscribeSetting | Should -Be 'OnlyThisList'
        $details.UnsubscribePage | Should -Be 'https://example.com/bye'
        $details.ConfirmationSuccessPage | Should -Be 'https://example.com/thanks'
        $details.ConfirmedOptIn | Should -BeFalse
    }

    It 'creates the custom fields with their types and options' {
        $fields = Invoke-CMSandboxApi -Sandbox $Sandbox -Path "lists/$($Result.ListId)/customfields.json"
        $byName = @{}; $fields | ForEach-Object { $byName[$_.FieldName] = $_ }
        $byName['Loyalty Tier'].DataType | Should -Be 'MultiSelectOne'
        ($byName['Loyalty Tier'].FieldOptions -join ',') | Should -Be 'Gold,Silver,Bronze'
        $byName['Interests'].DataType | Should -Be 'MultiSelectMany'
        $byName['Joined'].DataType | Should -Be 'Date'
        $byName['Points'].DataType | Should -Be 'Number'
        $byName['Zip'].DataType | Should -Be 'Text'
        $Result.FieldsCreated.Count | Should -Be 7
    }

    It 'finds the list of an earlier send in this session without searching the client''s lists' {
        $before = @(Get-CMSandboxRequest -Path '*lists.json').Count
        $again = Send -Rows ([pscustomobject]@{ Email = 'again@example.com' })
        $again.ListId | Should -Be $Result.ListId
        $again.ListCreated | Should -BeFalse
        @(Get-CMSandboxRequest -Path '*lists.json').Count | Should -Be $before -Because 'the list found before is read directly, one round trip instead of two'
    }

    It 'adds missing multi-select options and reuses the fields on the next send' {
        $mapping = (Get-CMDataTemplate Crm).Mapping
        $mapping['Tier'] = @{ Field = 'Loyalty Tier'; Type = 'MultiSelectOne'; Options = 'Gold', 'Silver', 'Bronze', 'Platinum' }
        Set-CMDataTemplate Crm -Mapping $mapping
        try {
            $second = Send -Rows ([pscustomobject]@{ Email = 'p@example.com'; Tier = 'platinum' })
            $second.ListCreated | Should -BeFalse
            $second.FieldsCreated | Should -BeNullOrEmpty
            $second.OptionsAdded | Should -Be 'Loyalty Tier: Platinum'
            $second.New | Should -Be 1
            $row = Get-CMSandboxListRows -Sandbox $Sandbox -ListId $Result.ListId | Where-Object EmailAddress -EQ 'p@example.com'
            (Fields $row)['Loyalty Tier'] | Should -Be 'Platinum'
        }
        finally {
            $mapping['Tier'] = @{ Field = 'Loyalty Tier'; Type = 'MultiSelectOne'; Options = 'Gold', 'Silver', 'Bronze' }
            Set-CMDataTemplate Crm -Mapping $mapping
        }
    }

    It 'refuses a field that exists with another type, naming both' {
        Add-CMDataTemplate -Name Clash -Destination Newsletter -Mapping @{ Email = 'EmailAddress'; Zip = @{ Field = 'Zip'; Type = 'Number' } } -Force | Out-Null
        $before = @(Get-CMSandboxRequest -Path '*import*').Count
        { [pscustomobject]@{ Email = 'z@example.com'; Zip = '1' } | Send-CMSubscribers -Destination Newsletter -DataTemplate Clash } |
            Should -Throw "*'Zip' exists as Text, but the data template 'Clash' maps 'Zip' to it as Number*"
        @(Get-CMSandboxRequest -Path '*import*').Count | Should -Be $before
    }

    It 'warns when the list exists with other settings' {
        Set-CMDestination Newsletter -UnsubscribeSetting AllClientLists
        try {
            $null = [pscustomobject]@{ Email = 'w@example.com' } | Send-CMSubscribers -Destination Newsletter -DataTemplate Crm -WarningVariable warned -WarningAction SilentlyContinue
            $warned -join "`n" | Should -Match "exists with UnsubscribeSetting 'OnlyThisList', but the destination 'Newsletter' says 'AllClientLists'"
        }
        finally { Set-CMDestination Newsletter -UnsubscribeSetting OnlyThisList }
    }
}

Describe 'Send-CMSubscribers: values arrive exactly as mapped' {
    BeforeAll {
        Reset-CMSandbox -Confirm:$false
        $rows = @(
            [pscustomobject]@{ Email = ' Mixed.Case@Example.com '; Name = 'Zoë Ó Briain'; Consent = 'no'; Zip = '02134'; Tier = 'silver'; Interests = 'cooking; Travel'; Joined = '2024-05-06T10:00:00Z'; Born = '31.12.1999'; Points = '1234.50'; Phone = '' }
            @{ Email = 'hash@example.com'; Name = 'From A Hashtable'; Tier = 'Gold'; Interests = @('Books', 'music'); Joined = [datetime]'2010-03-09'; Points = 42 }
        )
        $script:Result = Send -Rows $rows
        $script:Read = Get-CMSandboxListRows -Sandbox $Sandbox -ListId $Result.ListId
    }

    It 'keeps strings as strings and sends options in the field''s own spelling' {
        $row = $Read | Where-Object EmailAddress -EQ 'Mixed.Case@Example.com'
        $row.Name | Should -Be 'Zoë Ó Briain'
        $row.ConsentToTrack | Should -Be 'No'
        $fields = Fields $row
        $fields['Zip'] | Should -Be '02134'
        $fields['Loyalty Tier'] | Should -Be 'Silver'
        ($fields['Interests'] | Sort-Object) -join ',' | Should -Be 'Cooking,Travel'
        $fields['Joined'] | Should -Be '2024-05-06'
        $fields['Born'] | Should -Be '1999-12-31'
        $fields['Points'] | Should -Be '1234.50'
    }

    It 'takes hashtables, arrays for multi-select values, [datetime]s and numbers' {
        $row = $Read | Where-Object EmailAddress -EQ 'hash@example.com'
        $fields = Fields $row
        ($fields['Interests'] | Sort-Object) -join ',' | Should -Be 'Books,Music'
        $fields['Joined'] | Should -Be '2010-03-09'
        $fields['Points'] | Should -Be '42'
        $row.ConsentToTrack | Should -Be 'Yes' -Because 'the template default applies when the row has no consent'
    }

    It 'leaves a field unchanged on an empty value, and clears it when the mapping says so' {
        $null = Send -Rows @([pscustomobject]@{ Email = 'hash@example.com'; Zip = '11111'; Phone = '555' })
        $null = Send -Rows @([pscustomobject]@{ Email = 'hash@example.com'; Zip = ''; Phone = '' })
        $fields = Fields (Get-CMSandboxListRows -Sandbox $Sandbox -ListId $Result.ListId | Where-Object EmailAddress -EQ 'hash@example.com')
        $fields['Zip'] | Should -Be '11111'
        $fields.ContainsKey('Phone') | Should -BeFalse
    }
}

Describe 'Send-CMSubscribers: rejects' {
    BeforeAll { Reset-CMSandbox -Confirm:$false }

    It 'rejects <Code> before sending, naming row and column' -ForEach @(
        @{ Row = @{ Email = '' }; Code = 'NoEmail'; Column = 'Email' }
        @{ Row = @{ Email = 'a@b' }; Code = 'InvalidEmail'; Column = 'Email' }
        @{ Row = @{ Email = 'x@example.com'; Points = '3,5' }; Code = 'InvalidNumber'; Column = 'Points' }
        @{ Row = @{ Email = 'x@example.com'; Joined = '05/06/2024' }; Code = 'InvalidDate'; Column = 'Joined' }
        @{ Row = @{ Email = 'x@example.com'; Joined = '2077-01-01' }; Code = 'DateOutOfRange'; Column = 'Joined' }
        @{ Row = @{ Email = 'x@example.com'; Tier = 'Wood' }; Code = 'NotAnOption'; Column = 'Tier' }
        @{ Row = @{ Email = 'x@example.com'; Interests = 'Books;Knitting' }; Code = 'NotAnOption'; Column = 'Interests' }
        @{ Row = @{ Email = 'x@example.com'; Zip = ('z' * 251) }; Code = 'TooLong'; Column = 'Zip' }
        @{ Row = @{ Email = 'x@example.com'; Consent = 'sure' }; Code = 'InvalidConsent'; Column = 'Consent' }
        @{ Row = @{ Email = 'x@example.com'; Name = [pscustomobject]@{ First = 'A' } }; Code = 'NotAValue'; Column = 'Name' }
    ) {
        $before = @(Get-CMSandboxRequest -Path '*import*').Count
        $result = Send -Rows @([pscustomobject]$Row)
        $result.Rejected | Should -Be 1
        $result.Rejects[0].Code | Should -Be $Code
        $result.Rejects[0].Column | Should -Be $Column
        $result.Rejects[0].RowNumber | Should -Be 1
        @(Get-CMSandboxRequest -Path '*import*').Count | Should -Be $before -Because 'a rejected row never reaches the API'
    }

    It 'counts what the API refuses in a partial import (210) as rejected, with its code' {
        Add-CMSandboxData -ListName Newsletter -Subscriber @{ EmailAddress = 'gone@example.com'; State = 'Unsubscribed' }, @{ EmailAddress = 'bounced@example.com'; State = 'Bounced' } -Suppressed 'blocked@example.com' | Out-Null
        $rows = 'ok1@example.com', 'gone@example.com', 'ok2@example.com', 'bounced@example.com', 'blocked@example.com' | ForEach-Object { [pscustomobject]@{ Email = $_ } }
        $result = Send -Rows $rows
        $result.New | Should -Be 2
        $result.Rejected | Should -Be 3
        ($result.Rejects | Sort-Object RowNumber | ForEach-Object { "$($_.RowNumber):$($_.Code)" }) -join ',' | Should -Be '2:206,4:207,5:204'
        (Get-CMSandboxRequest -Path '*import*' | Select-Object -Last 1).Status | Should -Be 400
        $again = Send -Rows $rows -Options @{ Resubscribe = $true }
        $again.Rejected | Should -Be 0
        $again.Existing + $again.New | Should -Be 5
    }

    It 'reports a row the API refuses with every column of the input, mapped or not' {
        Add-CMSandboxData -ListName Newsletter -Subscriber @{ EmailAddress = 'left@example.com'; State = 'Unsubscribed' } | Out-Null
        $rejects = Join-Path $TestDrive 'api-rejects.csv'
        $rows = [pscustomobject]@{ Email = 'stays@example.com'; Name = 'Stays'; Note = 'kept 1' }, [pscustomobject]@{ Email = 'left@example.com'; Name = 'Left'; Note = 'kept 2' }
        $output = $rows | Send-CMSubscribers -Destination Newsletter -DataTemplate Crm -RejectPath $rejects -ErrorVariable refused -WarningAction SilentlyContinue -Verbose 4>&1
        $result = $output | Where-Object { $_ -is [CampaignMonitor.SendResult] }
        $result.Rejected | Should -Be 1
        $refused.Count | Should -Be 0
        $output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Row 2 (left@example.com): Campaign Monitor refused it (code 206*' } |
            Should -Not -BeNullOrEmpty
        $line = Import-Csv $rejects
        $line.Email | Should -Be 'left@example.com'
        $line.Note | Should -Be 'kept 2'
        $line.Code | Should -Be '206'
    }
}

Describe 'Send-CMSubscribers: duplicates and ordering' {
    BeforeAll { Reset-CMSandbox -Confirm:$false }

    It 'sends every row for an address in order, across concurrent batches, so the last one wins' {
        $rows = foreach ($round in 1..5) { foreach ($i in 1..200) { [pscustomobject]@{ Email = "Person$i@Example.com".ToLowerInvariant().Replace('person', $(if ($round % 2) { 'PERSON' } else { 'person' })); Name = "Round $round" } } }
        $result = Send -Rows $rows -Options @{ BatchSize = 100; MaxConcurrency = 8 }
        $result.Received | Should -Be 1000
        $result.Duplicates | Should -Be 800
        $result.New | Should -Be 200
        $active = Get-CMSandboxListRows -Sandbox $Sandbox -ListId $result.ListId
        $active.Count | Should -Be 200
        ($active.Name | Sort-Object -Unique) | Should -Be 'Round 5'
    }
}

Describe 'Send-CMSubscribers: -WhatIf and -Confirm' {
    BeforeAll { Reset-CMSandbox -Confirm:$false }

    It 'checks everything and writes nothing under -WhatIf' {
        $rows = Import-Csv $Customers | Select-Object -First 1200
        $result = Send -Rows $rows -Options @{ WhatIf = $true }
        $result.WhatIf | Should -BeTrue
        $result.Skipped | Should -Be 0
        $result.WouldSend + $result.Duplicates | Should -Be 1195 -Because 'a dry run counts what the real send would import'
        $result.Rejected | Should -Be 5
        $result.ListCreated | Should -BeTrue
        $result.FieldsCreated.Count | Should -Be 7
        Get-CMSandboxRequest | Where-Object Method -NE 'GET' | Should -BeNullOrEmpty
        Get-CMList -Credential Sandbox | Should -BeNullOrEmpty
    }

    It 'sends when -Confirm is answered in advance' {
        $result = Send -Rows (1..2500 | ForEach-Object { [pscustomobject]@{ Email = "c$_@example.com" } }) -Options @{ Confirm = $false }
        $result.New | Should -Be 2500
    }
}

Describe 'Send-CMSubscribers: faults' {
    BeforeAll {
        $script:Rows = 1..20000 | ForEach-Object { [pscustomobject]@{ Email = "f$_@example.com"; Name = "F $_"; Zip = '{0:D5}' -f $_ } }
        Reset-CMSandbox -Confirm:$false
        $clean = Send -Rows $Rows
        $script:Expected = Get-CMSandboxListRows -Sandbox $Sandbox -ListId $clean.ListId | ForEach-Object { "$($_.EmailAddress)|$($_.Name)|$((Fields $_)['Zip'])" } | Sort-Object
    }

    It 'ends with the same list as a fault-free run under <Label>' -ForEach @(
        @{ Label = '25% 500s'; Faults = @{ ErrorRate = 0.25; Seed = 1 } }
        @{ Label = '10% dropped connections before and after'; Faults = @{ DropRate = 0.1; LostResponseRate = 0.1; Seed = 2 } }
        @{ Label = 'a rate limit with and without headers'; Faults = @{ RateLimit = 5; RateLimitWindowSeconds = 1; RateLimitHeaders = 'Sometimes'; Seed = 3 } }
        @{ Label = 'answers slower than the client timeout on 5% of requests'; Faults = @{ SlowRate = 0.05; SlowLatencyMs = 3000; Seed = 4 }; Options = @{ TimeoutSec = 1 } }
        @{ Label = 'all of them at once'; Faults = @{ ErrorRate = 0.1; DropRate = 0.05; LostResponseRate = 0.05; RateLimit = 6; RateLimitHeaders = 'Sometimes'; SlowRate = 0.05; SlowLatencyMs = 3000; Seed = 5 }; Options = @{ TimeoutSec = 1 } }
    ) {
        Reset-CMSandbox -Confirm:$false
        Set-CMSandboxFault @Faults
        $options = @{ BatchSize = 500 } + $(if ($Options) { $Options } else { @{} })
        $result = Send -Rows $Rows -Options $options
        Set-CMSandboxFault
        $result.Failed | Should -Be 0
        $result.New + $result.Existing | Should -Be 20000 -Because 'a replay after a lost response turns New into Existing'
        $result.Retries | Should -BeGreaterThan 0
        $actual = Get-CMSandboxListRows -Sandbox $Sandbox -ListId $result.ListId | ForEach-Object { "$($_.EmailAddress)|$($_.Name)|$((Fields $_)['Zip'])" } | Sort-Object
        ($actual -join "`n") | Should -Be ($Expected -join "`n")
    }

    It 'counts the rows of batches that cannot be delivered as failed, and writes them out to send again' {
        Reset-CMSandbox -Confirm:$false
        $rejects = Join-Path ([IO.Path]::GetTempPath()) "cm-failed-$([guid]::NewGuid()).csv"
        $null = Send -Rows $Rows[0..9]
        Set-CMSandboxFault -ErrorRate 1 -PathContains import
        $result = $Rows[0..1499] | Send-CMSubscribers -Destination Newsletter -DataTemplate Crm -RejectPath $rejects -MaxRetries 1 -ErrorVariable batchErrors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        Assert-CMAccounting $result
        Set-CMSandboxFault
        $result.Failed | Should -Be 1500
        $batchErrors.Count | Should -Be 1 -Because 'one error sums up what could not be delivered'
        $batchErrors[0].FullyQualifiedErrorId | Should -BeLike 'SubscribersNotDelivered,*'
        $batchErrors[0].Exception.Message | Should -BeLike "1,500 of 1,500 rows could not be delivered*'$rejects'*"
        $resend = Import-Csv $rejects
        $resend.Count | Should -Be 1500
        ($resend.Code | Sort-Object -Unique) | Should -Be 'NotDelivered'
        $again = $resend | Select-Object Email, Name, Zip | Send-CMSubscribers -Destination Newsletter -DataTemplate Crm
        $again.New + $again.Existing | Should -Be 1500
        Remove-Item $rejects
    }
}

Describe 'Send-CMSubscribers: policy' {
    BeforeAll { Reset-CMSandbox -Confirm:$false }
    AfterEach { $env:CM_ROLE = $null; $env:CM_PII_ACCESS = $null }

    It 'refuses a business user before any API call, naming the missing flag' {
        $env:CM_ROLE = 'BusinessUser'
        { [pscustomobject]@{ Email = 'b@example.com' } | Send-CMSubscribers -Destination Newsletter -DataTemplate Crm } |
            Should -Throw "*CM_ROLE=BusinessUser: the destination 'Newsletter' does not allow business users*"
        Get-CMSandboxRequest | Should -BeNullOrEmpty
    }

    It 'lets a business user send through a destination and template that allow it' {
        Set-CMDestination Newsletter -AllowBusinessUsers
        Set-CMDataTemplate Crm -AllowBusinessUsers
        try {
            $env:CM_ROLE = 'BusinessUser'
            (Send -Rows ([pscustomobject]@{ Email = 'b@example.com' })).New | Should -Be 1
        }
        finally {
            $env:CM_ROLE = $null
            Set-CMDestination Newsletter -AllowBusinessUsers:$false
            Set-CMDataTemplate Crm -AllowBusinessUsers:$false
        }
    }

    It 'refuses restricted PII access unless the template allows it' {
        $env:CM_PII_ACCESS = 'Restricted'
        { [pscustomobject]@{ Email = 'r@example.com' } | Send-CMSubscribers -Destination Newsletter -DataTemplate Crm } |
            Should -Throw "*CM_PII_ACCESS=Restricted: the data template 'Crm' does not allow restricted PII access*"
    }

    It 'masks every email, name and phone in output, errors, verbose text and the reject file in a restricted session' {
        Set-CMDataTemplate Crm -AllowRestrictedPii
        $rejects = Join-Path ([IO.Path]::GetTempPath()) "cm-masked-$([guid]::NewGuid()).csv"
        try {
            $env:CM_PII_ACCESS = 'Restricted'
            $rows = @(
                [pscustomobject]@{ Email = 'jane.secret@example.com'; Name = 'Jane Secret'; Tier = 'Wood' }
                [pscustomobject]@{ Email = 'john.hidden@example.com'; Name = 'John Hidden'; Tier = 'Gold' }
            )
            Add-CMSandboxData -ListName Newsletter -Subscriber @{ EmailAddress = 'john.hidden@example.com'; State = 'Unsubscribed' } | Out-Null
            $output = $rows | Send-CMSubscribers -Destination Newsletter -DataTemplate Crm -RejectPath $rejects -Verbose -ErrorVariable errs -ErrorAction SilentlyContinue 4>&1 3>&1
            $everything = @(
                ($output | Out-String), ($output | Where-Object { $_ -is [CampaignMonitor.SendResult] } | ForEach-Object { $_.Rejects | Out-String }),
                ($errs | Out-String), ($errs | ForEach-Object { $_.TargetObject | Out-String }), (Get-Content $rejects -Raw)
            ) -join "`n"
            $everything | Should -Not -Match 'jane\.secret|john\.hidden|Jane Secret|John Hidden'
            $everything | Should -Match ([regex]::Escape('j***@example.com'))
            (Import-Csv $rejects).Name | Should -Contain 'J***'
        }
        finally {
            $env:CM_PII_ACCESS = $null
            Set-CMDataTemplate Crm -AllowRestrictedPii:$false
            Remove-Item $rejects -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Send-CMSubscribers: input without a template' {
    BeforeAll {
        Reset-CMSandbox -Confirm:$false
        Add-CMDestination -Name Plain -Credential Sandbox -ListName 'Plain' -Force | Out-Null
    }

    It 'matches columns by convention, custom fields by name' {
        $first = [pscustomobject]@{ EmailAddress = 'conv@example.com'; FirstName = 'Con'; LastName = 'Vention'; Mobile = '+61400000000'; ConsentToTrack = 'YES' } |
            Send-CMSubscribers -Destination Plain
        $first.New | Should -Be 1
        $row = Get-CMSandboxListRows -Sandbox $Sandbox -ListId $first.ListId
        $row.Name | Should -Be 'Con Vention'
        $row.ConsentToTrack | Should -Be 'Yes'
    }

    It 'stops before any API call when there is no email column' {
        Reset-CMSandbox -RequestLogOnly -Confirm:$false
        { [pscustomobject]@{ Mail = 'x@example.com'; Name = 'X' } | Send-CMSubscribers -Destination Plain } |
            Should -Throw "*no email column: without a data template it must be called EmailAddress or Email. Its columns are: 'Mail', 'Name'*"
        Get-CMSandboxRequest | Should -BeNullOrEmpty
    }

    It 'accepts empty input and reports nothing received' {
        $result = @() | Send-CMSubscribers -Destination Plain
        $result.Received | Should -Be 0
        Assert-CMAccounting $result
    }
}
