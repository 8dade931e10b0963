# How we suggest testing a runbook: run it unchanged against a local sandbox, with the faults production can throw.
BeforeAll {
    $manifest = if ($env:CM_TEST_MODULE_PATH) { Join-Path $env:CM_TEST_MODULE_PATH 'CampaignMonitor.psd1' } else { 'CampaignMonitor' }
    Import-Module $manifest
    $script:SavedConfig = $env:CM_CONFIG_DIR
    $env:CM_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "runbook-test-$([guid]::NewGuid())"

    # The same set-up as production, pointed at a sandbox.
    $script:Sandbox = Start-CMSandbox
    $Sandbox | New-CMCredential -Name Crm | Out-Null
    Add-CMDestination -Name Newsletter -Credential Crm -ListName 'Newsletter' | Out-Null
    Add-CMDataTemplate -Name Crm -Destination Newsletter -ConsentToTrack Yes -Mapping @{ Email = 'EmailAddress'; Name = 'Name'; Zip = 'Zip' } | Out-Null

    $script:Csv = Join-Path ([IO.Path]::GetTempPath()) "runbook-test-$([guid]::NewGuid()).csv"
    1..2500 | ForEach-Object { [pscustomobject]@{ Email = "customer$_@example.com"; Name = "Customer $_"; Zip = '{0:D5}' -f $_ } } | Export-Csv $Csv
    # A real export has bad rows too.
    $script:MessyCsv = Join-Path ([IO.Path]::GetTempPath()) "runbook-messy-$([guid]::NewGuid()).csv"
    1..2500 | ForEach-Object { [pscustomobject]@{ Email = if ($_ % 500 -eq 0) { "broken $_" } else { "customer$_@example.com" }; Name = "Customer $_"; Zip = '{0:D5}' -f $_ } } | Export-Csv $MessyCsv
    $script:Runbook = Join-Path $PSScriptRoot 'Sync-Newsletter.ps1'
}

AfterAll {
    $Sandbox | Stop-CMSandbox
    Remove-Item $env:CM_CONFIG_DIR, $Csv, $MessyCsv -Recurse -Force -ErrorAction SilentlyContinue
    $env:CM_CONFIG_DIR = $SavedConfig
}

Describe 'Sync-Newsletter.ps1' {
    BeforeEach { Reset-CMSandbox -Confirm:$false }

    It 'puts every row in the list' {
        $result = & $Runbook -CsvPath $Csv
        $result.New | Should -Be 2500
        (Get-CMListStats -Destination Newsletter).TotalActiveSubscribers | Should -Be 2500
    }

    It 'delivers every good row of an export with bad rows, and keeps the bad ones for the CRM team' {
        $rejects = Join-Path ([IO.Path]::GetTempPath()) "runbook-rejects-$([guid]::NewGuid()).csv"
        $result = & $Runbook -CsvPath $MessyCsv -RejectPath $rejects -WarningVariable warnings -WarningAction SilentlyContinue
        $result.New | Should -Be 2495
        $result.Rejected | Should -Be 5
        (Get-CMListStats -Destination Newsletter).TotalActiveSubscribers | Should -Be 2495
        @(Import-Csv $rejects).Count | Should -Be 5
        "$warnings" | Should -BeLike '5 rows rejected: 5 InvalidEmail*'
        Remove-Item $rejects
    }

    It 'still gets every row there with 10% of requests failing' {
        Set-CMSandboxFault -ErrorRate 0.1 -Seed 7
        $result = & $Runbook -CsvPath $Csv
        $result.Failed | Should -Be 0
        (Get-CMListStats -Destination Newsletter).TotalActiveSubscribers | Should -Be 2500
    }

    It 'with -Mirror, sends only what changed and removes who left the export' {
        (& $Runbook -CsvPath $Csv -Mirror).New | Should -Be 2500
        # Tomorrow's export: 100 customers gone, 48 moved house (every 50th of the rest).
        $tomorrow = Join-Path ([IO.Path]::GetTempPath()) "runbook-tomorrow-$([guid]::NewGuid()).csv"
        Import-Csv $Csv | Select-Object -Skip 100 | ForEach-Object { if ([int]$_.Zip % 50 -eq 0) { $_.Zip = '99999' }; $_ } | Export-Csv $tomorrow
        Reset-CMSandbox -RequestLogOnly -Confirm:$false
        $result = & $Runbook -CsvPath $tomorrow -Mirror
        $result.Unchanged | Should -Be 2352
        $result.Existing | Should -Be 48
        $result.Removed | Should -Be 100
        @(Get-CMSandboxRequest -Path '*import.json').Count | Should -Be 1
        (Get-CMListStats -Destination Newsletter).TotalActiveSubscribers | Should -Be 2400
        # A broken export with most customers missing removes nobody, and fails the run for a person to look at.
        Import-Csv $Csv | Select-Object -First 500 | Export-Csv $tomorrow
        { & $Runbook -CsvPath $tomorrow -Mirror } | Should -Throw '*nobody was removed*'
        (Get-CMListStats -Destination Newsletter).TotalActiveSubscribers | Should -Be 2400
        Remove-Item $tomorrow
    }

    It 'fails the run, with the rows kept, when Campaign Monitor is down' {
        Set-CMSandboxFault -ErrorRate 1 -PathContains import
        # Give up sooner than production would; the runbook itself is unchanged.
        $PSDefaultParameterValues['Send-CMSubscribers:MaxRetries'] = 1
        $rejects = Join-Path ([IO.Path]::GetTempPath()) "runbook-rejects-$([guid]::NewGuid()).csv"
        { & $Runbook -CsvPath $Csv -RejectPath $rejects } | Should -Throw '*2,500 of 2,500 rows could not be delivered*'
        @(Import-Csv $rejects).Count | Should -Be 2500
        Remove-Item $rejects
        $PSDefaultParameterValues.Remove('Send-CMSubscribers:MaxRetries')
    }
}
