# The settings and reader cmdlets the way PowerShell users expect them to work (issue 14).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-CMTestManifestPath) -Force
    $script:SavedConfig = $env:CM_CONFIG_DIR
    $env:CM_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "cm-conventions-$([guid]::NewGuid())"
    $script:Folder = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "cm-conventions-files-$([guid]::NewGuid())")).FullName
    $script:Sandbox = Start-CMSandbox
    $Sandbox | New-CMCredential -Name Sandbox | Out-Null
}

AfterAll {
    Stop-CMSandbox -Sandbox $Sandbox
    Remove-Item $env:CM_CONFIG_DIR, $Folder -Recurse -Force -ErrorAction SilentlyContinue
    $env:CM_CONFIG_DIR = $SavedConfig
}

Describe 'Settings restored from a CSV backup' {
    It 'keeps every switch: Get-CMDestination | Export-Csv, then Import-Csv | Add-CMDestination' {
        Add-CMDestination -Name Compliant -Credential Sandbox -ListName 'Double opt-in' -ConfirmedOptIn -AllowBusinessUsers -Force | Out-Null
        Add-CMDestination -Name Plain -Credential Sandbox -ListName 'Plain' -Force | Out-Null
        $backup = Join-Path $Folder 'destinations.csv'
        Get-CMDestination | Export-Csv $backup
        'Compliant', 'Plain' | Remove-CMDestination -Confirm:$false
        Import-Csv $backup | Add-CMDestination | Out-Null
        $compliant = Get-CMDestination Compliant
        $compliant.ConfirmedOptIn | Should -BeTrue
        $compliant.AllowBusinessUsers | Should -BeTrue
        $compliant.AllowRestrictedPii | Should -BeFalse
        (Get-CMDestination Plain).ConfirmedOptIn | Should -BeFalse
    }

    It 'takes True/False, 1/0 and yes/no text for a switch, and refuses anything else by name' {
        [pscustomobject]@{ Name = 'FromOne'; Credential = 'Sandbox'; ListName = 'One'; ConfirmedOptIn = '1'; AllowBusinessUsers = 'no' } | Add-CMDestination -Force | Out-Null
        (Get-CMDestination FromOne).ConfirmedOptIn | Should -BeTrue
        (Get-CMDestination FromOne).AllowBusinessUsers | Should -BeFalse
        { [pscustomobject]@{ Name = 'Odd'; Credential = 'Sandbox'; ListName = 'Odd'; ConfirmedOptIn = 'maybe' } | Add-CMDestination -Force -ErrorAction Stop } |
            Should -Throw "*'maybe' is not a switch value*"
    }
}

Describe 'A name that matches nothing' {
    It 'is a non-terminating error for <Command>, silenced by -ErrorAction SilentlyContinue' -ForEach @(
        @{ Command = 'Get-CMCredential' }, @{ Command = 'Get-CMDestination' }, @{ Command = 'Get-CMDataTemplate' }, @{ Command = 'Test-CMCredential' }
    ) {
        { & $Command -Name Nope -ErrorAction SilentlyContinue } | Should -Not -Throw
        & $Command -Name Nope -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SettingNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'lets the next piped name through' {
        $found = 'Nope', 'Sandbox' | Get-CMCredential -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'Sandbox'
    }
}

Describe 'Set- and Remove- take wildcards like Get-' {
    It 'changes and removes every setting a pattern matches' {
        Add-CMDestination -Name News1 -Credential Sandbox -ListName 'N1' -Force | Out-Null
        Add-CMDestination -Name News2 -Credential Sandbox -ListName 'N2' -Force | Out-Null
        Add-CMDataTemplate -Name T1 -Destination News1 -Mapping @{ Email = 'EmailAddress' } -Force | Out-Null
        Add-CMDataTemplate -Name T2 -Destination News2 -Mapping @{ Email = 'EmailAddress' } -Force | Out-Null
        Set-CMDestination 'News*' -Description 'weekly'
        (Get-CMDestination 'News*').Description | Should -Be 'weekly', 'weekly'
        Set-CMDataTemplate 'T*' -ConsentToTrack Yes
        (Get-CMDataTemplate 'T*').ConsentToTrack | Should -Be 'Yes', 'Yes'
        Remove-CMDataTemplate 'T*' -Confirm:$false
        Get-CMDataTemplate 'T*' | Should -BeNullOrEmpty
        Remove-CMDestination 'News*' -Confirm:$false
        Get-CMDestination 'News*' | Should -BeNullOrEmpty
        Set-CMDestination 'Nothing*' -Description 'x' -ErrorVariable none
        $none | Should -BeNullOrEmpty -Because 'a pattern that matches nothing changes nothing and is no error'
    }
}

Describe 'A corrupt settings file' {
    It 'is left out of a listing with a warning, and replaced by -Force' {
        Add-CMDestination -Name Good -Credential Sandbox -ListName 'Good' -Force | Out-Null
        Set-Content (Join-Path $env:CM_CONFIG_DIR 'destinations/Broken.json') '{ broken'
        $listed = Get-CMDestination -WarningVariable warnings -WarningAction SilentlyContinue
        $listed.Name | Should -Contain 'Good'
        $listed.Name | Should -Not -Contain 'Broken'
        "$warnings" | Should -BeLike "*Broken.json*replace it with -Force*"
        Add-CMDestination -Name Broken -Credential Sandbox -ListName 'Fixed' -Force | Out-Null
        (Get-CMDestination Broken).ListName | Should -Be 'Fixed'
    }
}

Describe 'Get-CMList | Get-CMListStats' {
    It 'keeps each list''s name' {
        Add-CMSandboxData -ListName 'Named list' -Active 3 | Out-Null
        $stats = Get-CMList -Credential Sandbox -Name 'Named list' | Get-CMListStats
        $stats.ListName | Should -Be 'Named list'
        $stats.TotalActiveSubscribers | Should -Be 3
    }
}

Describe 'Remove-CMDestination -Force' {
    It 'removes the destination''s data templates with it, naming them, and leaves others alone' {
        Add-CMDestination -Name Doomed -Credential Sandbox -ListName 'Doomed' -Force | Out-Null
        Add-CMDestination -Name Kept -Credential Sandbox -ListName 'Kept' -Force | Out-Null
        Add-CMDataTemplate -Name DoomedCrm -Destination Doomed -Mapping @{ Email = 'EmailAddress' } -Force | Out-Null
        Add-CMDataTemplate -Name KeptCrm -Destination Kept -Mapping @{ Email = 'EmailAddress' } -Force | Out-Null
        { Remove-CMDestination Doomed -Confirm:$false -ErrorAction Stop } | Should -Throw "*used by the data template 'DoomedCrm'*"
        $verbose = Remove-CMDestination Doomed -Force -Confirm:$false -Verbose 4>&1
        "$verbose" | Should -BeLike "*Removed the data template 'DoomedCrm' with the destination 'Doomed'*"
        (Get-CMDataTemplate).Name | Should -Not -Contain 'DoomedCrm'
        (Get-CMDataTemplate).Name | Should -Contain 'KeptCrm'
    }
}

Describe 'Start-CMSandbox on a busy port' {
    It 'says the port is in use, in one sentence, never a stack trace' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $port = $listener.LocalEndpoint.Port
            $failure = $null
            try { Start-CMSandbox -Port $port } catch { $failure = $_ }
        }
        finally { $listener.Stop() }
        $failure.FullyQualifiedErrorId | Should -BeLike 'SandboxStartFailed,*'
        $failure.Exception.Message | Should -Be "The port $port is in use by another program. Choose another -Port, or 0 (the default) for any free port."
    }
}

Describe 'Subscribers read back' {
    It 'types custom field values by their fields, and -ExpandCustomFields gives Export-Csv one column per field' {
        Add-CMDestination -Name Typed -Credential Sandbox -ListName 'Typed' -Force | Out-Null
        Add-CMDataTemplate -Name TypedCrm -Destination Typed -Force -Mapping ([ordered]@{
                Email  = 'EmailAddress'
                Points = @{ Field = 'Points'; Type = 'Number' }
                Joined = @{ Field = 'Joined'; Type = 'Date' }
                Likes  = @{ Field = 'Likes'; Type = 'MultiSelectMany'; Separator = ';'; Options = 'Tea', 'Jazz' }
                Name   = @{ Field = 'Name Field' }
            }) | Out-Null
        [pscustomobject]@{ Email = 'typed@example.com'; Points = '13'; Joined = '2024-05-06'; Likes = 'Tea'; Name = 'text' } |
            Send-CMSubscribers -Destination Typed -DataTemplate TypedCrm | Out-Null
        $subscriber = Get-CMSubscriber -Destination Typed
        $subscriber.CustomFields['Points'] | Should -BeOfType ([decimal])
        $subscriber.CustomFields['Points'] | Should -Be 13
        $subscriber.CustomFields['Joined'] | Should -BeOfType ([datetime])
        , $subscriber.CustomFields['Likes'] | Should -BeOfType ([string[]])
        $csv = Join-Path $Folder 'subscribers.csv'
        Get-CMSubscriber -Destination Typed -ExpandCustomFields | Export-Csv $csv
        $row = Import-Csv $csv
        $row.Points | Should -Be '13'
        $row.Likes | Should -Be 'Tea'
        $row.PSObject.Properties.Name | Should -Contain 'Joined'
        $row.CustomFields | Should -Not -BeLike '*Dictionary*' -Because 'the expanded columns carry the values'
    }
}

Describe 'Tab completion' {
    It 'offers -DataTemplate only the templates of the -Destination given' {
        Add-CMDestination -Name CompA -Credential Sandbox -ListName 'A' -Force | Out-Null
        Add-CMDestination -Name CompB -Credential Sandbox -ListName 'B' -Force | Out-Null
        Add-CMDataTemplate -Name CompAT -Destination CompA -Mapping @{ Email = 'EmailAddress' } -Force | Out-Null
        Add-CMDataTemplate -Name CompBT -Destination CompB -Mapping @{ Email = 'EmailAddress' } -Force | Out-Null
        $line = 'Send-CMSubscribers -Destination CompA -DataTemplate Comp'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be 'CompAT'
    }

    It 'offers -ListName the list names of the stored destinations, not file names' {
        Add-CMDestination -Name CompL -Credential Sandbox -ListName 'Completion list' -Force | Out-Null
        $line = 'Get-CMListStats -Credential Sandbox -ListName Completion'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be "'Completion list'"
    }
}

Describe 'Readers take the destination in position 0' {
    It 'reads <Command> Positional like <Command> -Destination Positional, and tells a credential''s name apart' -ForEach @(
        @{ Command = 'Get-CMList' }, @{ Command = 'Get-CMListStats' }, @{ Command = 'Get-CMSubscriber' }, @{ Command = 'Get-CMCampaign' }
    ) {
        Add-CMDestination -Name Positional -Credential Sandbox -ListName 'Positional list' -Force | Out-Null
        Add-CMSandboxData -ListName 'Positional list' -Active 2 | Out-Null
        $byPosition = @(& $Command Positional -ErrorAction Stop)
        $byName = @(& $Command -Destination Positional -ErrorAction Stop)
        $byPosition.Count | Should -Be $byName.Count
        ($byPosition | ConvertTo-Json -Depth 3 -Compress) | Should -Be ($byName | ConvertTo-Json -Depth 3 -Compress)
        $failure = $null
        try { & $Command Sandbox -ErrorAction Stop } catch { $failure = $_ }
        $failure.Exception.Message | Should -BeLike "*no destination named 'Sandbox', but there is a credential*-Credential 'Sandbox'*"
    }
}

Describe 'Credentials are checked the same way, stored or from the environment' {
    BeforeAll {
        # Runs a command with the env credential's variables set, and gives back the error it ended with.
        function script:FailureWithEnvironment([hashtable] $Variables, [scriptblock] $Command) {
            $saved = @{}
            foreach ($name in 'CM_API_KEY', 'CM_CLIENT_ID', 'CM_BASE_URI') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
            try {
                foreach ($name in $Variables.Keys) { [Environment]::SetEnvironmentVariable($name, $Variables[$name]) }
                try { & $Command; $null } catch { $_ }
            }
            finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
        }
    }

    It 'refuses a base URI that is not the API''s root, stored or from CM_BASE_URI' {
        foreach ($failure in @(
                FailureWithEnvironment @{} { New-CMCredential -Name NoRoot -ClientId ('c' * 32) -ApiKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri 'https://api.createsend.com/' }
                FailureWithEnvironment @{ CM_API_KEY = 'k'; CM_CLIENT_ID = 'c' * 32; CM_BASE_URI = 'https://api.createsend.com/' } { Get-CMList -Credential env }
            )) {
            $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidSetting,*'
            $failure.Exception.Message | Should -BeLike '*does not end with /api/v3.3/*'
        }
    }

    It 'refuses a client ID that is not 32 hexadecimal digits, from CM_CLIENT_ID too' {
        $failure = FailureWithEnvironment @{ CM_API_KEY = 'k'; CM_CLIENT_ID = 'c1' } { Get-CMList -Credential env }
        $failure.Exception.Message | Should -BeLike 'CM_CLIENT_ID: *32 hexadecimal digits*'
    }
}

Describe 'Data templates as PowerShell shows and takes them' {
    It 'stores a mapping given as @{} in column name order, and an [ordered] one in the order typed' {
        Add-CMDestination -Name OrderDest -Credential Sandbox -ListName 'Order' -Force | Out-Null
        $plain = @{ Zip = 'Zip'; Email = 'EmailAddress'; Tier = 'Tier'; Age = 'Age'; Mobile = 'MobileNumber'; City = 'City'; Region = 'Region'; Brand = 'Brand' }
        Add-CMDataTemplate -Name Plain -Destination OrderDest -Mapping $plain -Force | Out-Null
        @((Get-CMDataTemplate Plain).Mapping.Keys) | Should -Be 'Age', 'Brand', 'City', 'Email', 'Mobile', 'Region', 'Tier', 'Zip'
        Set-CMDataTemplate -Name Plain -Mapping ([ordered]@{ Zip = 'Zip'; Email = 'EmailAddress'; Age = 'Age' }) | Out-Null
        @((Get-CMDataTemplate Plain).Mapping.Keys) | Should -Be 'Zip', 'Email', 'Age'
    }

    It 'takes a mapping read from JSON, and shows every mapping readably in a list' {
        Add-CMDestination -Name JsonDest -Credential Sandbox -ListName 'Json' -Force | Out-Null
        $mapping = '{ "Email": "EmailAddress", "Tier": { "Field": "Loyalty Tier", "Type": "MultiSelectOne", "Options": ["Gold", "Silver"] } }' | ConvertFrom-Json
        Add-CMDataTemplate -Name FromJson -Destination JsonDest -Mapping $mapping -Force | Out-Null
        $template = Get-CMDataTemplate FromJson
        @($template.Mapping.Keys) | Should -Be 'Email', 'Tier'
        $template.Mapping['Tier']['Options'] | Should -Be 'Gold', 'Silver'
        $shown = $template | Format-List | Out-String -Width 200
        $shown | Should -Match 'Tier → Loyalty Tier \(.*Options=Gold/Silver'
        $shown | Should -Not -Match 'System\.Collections'
        (Get-CMCredential Sandbox | Format-Table | Out-String) | Should -Match 'ApiKeyHint'
    }
}

Describe 'Get-CMCampaign -Destination' {
    It 'reads only the campaigns sent to that destination''s list' {
        Add-CMSandboxData -ListName 'Events' -Active 3 -Campaigns 2 | Out-Null
        Add-CMSandboxData -ListName 'Offers' -Active 3 -Campaigns 3 | Out-Null
        Add-CMDestination -Name Events -Credential Sandbox -ListName 'Events' -Force | Out-Null
        @(Get-CMCampaign -Destination Events).Count | Should -Be 2
        @(Get-CMCampaign -Credential Sandbox).Count | Should -BeGreaterOrEqual 5
    }
}

Describe 'build.ps1 TestRunbook' {
    It 'runs a runbook''s own Pester tests against the built module in one step, and fails when they fail' {
        $passing = Join-Path $Folder 'Passing.Tests.ps1'
        Set-Content -Path $passing -Value @'
Describe 'my runbook' {
    It 'finds the built module through CM_TEST_MODULE_PATH' {
        Import-Module (Join-Path $env:CM_TEST_MODULE_PATH 'CampaignMonitor.psd1')
        (Get-Command Send-CMSubscribers).Module.ModuleBase | Should -Be $env:CM_TEST_MODULE_PATH
    }
}
'@
        $failing = Join-Path $Folder 'Failing.Tests.ps1'
        Set-Content -Path $failing -Value "Describe 'my runbook' { It 'finds a bug' { 1 | Should -Be 2 } }"
        $build = Join-Path $PSScriptRoot '../../build.ps1'
        $pwsh = Join-Path $PSHOME 'pwsh.dll'

        $said = & dotnet $pwsh -NoProfile -NonInteractive -File $build TestRunbook -NoBuild -Path $passing 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($said -join "`n")
        ($said -join "`n") | Should -Match 'finds the built module through CM_TEST_MODULE_PATH'

        $said = & dotnet $pwsh -NoProfile -NonInteractive -File $build TestRunbook -NoBuild -Path $failing 2>&1
        $LASTEXITCODE | Should -Not -Be 0
        ($said -join "`n") | Should -Match 'finds a bug'
    }
}
