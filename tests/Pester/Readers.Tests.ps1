# The readers against a sandbox seeded with thousands of rows: counts across pages, filters, early stops, pipelines.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-CMTestManifestPath) -Force
    $script:SavedConfig = $env:CM_CONFIG_DIR
    $env:CM_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "cm-readers-$([guid]::NewGuid())"
    $script:Sandbox = Start-CMSandbox
    $Sandbox | New-CMCredential -Name Sandbox | Out-Null
    Add-CMDestination -Name Newsletter -Credential Sandbox -ListName 'Newsletter' | Out-Null
    $script:Seeded = Add-CMSandboxData -ListName Newsletter -Active 3500 -Unconfirmed 20 -Unsubscribed 1200 -Bounced 35 -Deleted 15 -Campaigns 4 -DaysBack 60 -Seed 11
}

AfterAll {
    Stop-CMSandbox -Sandbox $Sandbox
    Remove-Item $env:CM_CONFIG_DIR -Recurse -Force -ErrorAction SilentlyContinue
    $env:CM_CONFIG_DIR = $SavedConfig
}

Describe 'Get-CMList and Get-CMListStats' {
    It 'lists the client''s lists and their statistics' {
        $list = Get-CMList -Credential Sandbox
        $list.Name | Should -Be 'Newsletter'
        $list.ListId | Should -Be $Seeded.ListId
        $stats = $list | Get-CMListStats
        $stats.TotalActiveSubscribers | Should -Be 3500
        $stats.TotalUnsubscribes | Should -Be 1200
        $stats.TotalBounces | Should -Be 35
        $stats.TotalDeleted | Should -Be 15
        (Get-CMListStats -Destination Newsletter).ListName | Should -Be 'Newsletter'
        $stats.PSObject.Properties.Name | Should -Contain 'NewActiveSubscribersThisYear'
    }

    It 'says what to check for an unknown list' {
        # A list ID is a piped item: an unknown one is a non-terminating error about it.
        { Get-CMListStats -Credential Sandbox -ListId '00000000000000000000000000000000' -ErrorAction Stop } | Should -Throw '*does not know the list ID*'
        { Get-CMListStats -Credential Sandbox -ListName 'Nope' } | Should -Throw "*has no list named 'Nope'*"
    }
}

Describe 'Get-CMSubscriber' {
    It 'reads every page of <State>' -ForEach @(
        @{ State = 'Active'; Count = 3500 }
        @{ State = 'Unconfirmed'; Count = 20 }
        @{ State = 'Unsubscribed'; Count = 1200 }
        @{ State = 'Bounced'; Count = 35 }
        @{ State = 'Deleted'; Count = 15 }
    ) {
        Reset-CMSandbox -RequestLogOnly -Confirm:$false
        $rows = Get-CMSubscriber -Destination Newsletter -State $State
        $rows.Count | Should -Be $Count
        ($rows.EmailAddress | Sort-Object -Unique).Count | Should -Be $Count
        $rows | ForEach-Object { $_.State | Should -Be $State }
        @(Get-CMSandboxRequest -Path "*/$($State.ToLowerInvariant()).json").Count | Should -Be ([Math]::Ceiling($Count / 1000))
    }

    It 'gives typed objects: dates as [datetime], the list id, fields by name' {
        $first = Get-CMSubscriber -Destination Newsletter | Select-Object -First 1
        $first | Should -BeOfType ([CampaignMonitor.Subscriber])
        $first.Date | Should -BeOfType ([datetime])
        $first.ListJoinedDate | Should -BeOfType ([datetime])
        $first.ListId | Should -Be $Seeded.ListId
        $first.ConsentToTrack | Should -BeIn 'Yes', 'No'
        $first.CustomFields | Should -BeOfType ([System.Collections.Generic.Dictionary[string, object]])
    }

    It 'filters with -Since' {
        $all = Get-CMSubscriber -Destination Newsletter -State Unsubscribed
        $cut = ($all.Date | Sort-Object)[600]
        $recent = Get-CMSubscriber -Destination Newsletter -State Unsubscribed -Since $cut
        $expected = @($all | Where-Object Date -GE $cut).Count
        $recent.Count | Should -Be $expected
        $recent | ForEach-Object { $_.Date | Should -BeGreaterOrEqual $cut }
    }

    It 'stops paging when the pipeline has enough (visible in the request log)' {
        Reset-CMSandbox -RequestLogOnly -Confirm:$false
        $ten = Get-CMSubscriber -Destination Newsletter | Select-Object -First 10
        $ten.Count | Should -Be 10
        Start-Sleep -Milliseconds 200
        @(Get-CMSandboxRequest -Path '*/active.json').Count | Should -BeIn 1, 2
    }

    It 'reads multi-select values as arrays and round-trips what Send-CMSubscribers sent' {
        Add-CMDataTemplate -Name Prefs -Destination Newsletter -Mapping @{ Email = 'EmailAddress'; Likes = @{ Field = 'Likes'; Type = 'MultiSelectMany'; Options = 'Tea', 'Coffee'; Separator = '|' }; Zip = 'Zip' } -Force | Out-Null
        [pscustomobject]@{ Email = 'roundtrip@example.com'; Likes = 'tea'; Zip = '02134' } | Send-CMSubscribers -Destination Newsletter -DataTemplate Prefs | Out-Null
        $back = Get-CMSubscriber -Destination Newsletter | Where-Object EmailAddress -EQ 'roundtrip@example.com'
        , $back.CustomFields['Likes'] | Should -BeOfType ([object[]])
        $back.CustomFields['Likes'] | Should -Be 'Tea'
        $back.CustomFields['Zip'] | Should -Be '02134'
    }

    It 'masks emails and names in a restricted session' {
        Set-CMDestination Newsletter -AllowRestrictedPii
        try {
            $env:CM_PII_ACCESS = 'Restricted'
            $rows = Get-CMSubscriber -Destination Newsletter | Select-Object -First 50
            $rows | ForEach-Object { $_.EmailAddress | Should -Match '^.\*\*\*@example\.com$'; $_.Name | Should -Match '^.\*\*\*$' }
        }
        finally {
            $env:CM_PII_ACCESS = $null
            Set-CMDestination Newsletter -AllowRestrictedPii:$false
        }
    }
}

Describe 'Get-CMCampaign and its reports' {
    It 'reads the sent campaigns newest first, with filters' {
        $campaigns = Get-CMCampaign -Destination Newsletter
        $campaigns.Count | Should -Be 4
        ($campaigns.CampaignId | Sort-Object) | Should -Be ($Seeded.CampaignIds | Sort-Object)
        for ($i = 1; $i -lt $campaigns.Count; $i++) { $campaigns[$i - 1].SentDate | Should -BeGreaterOrEqual $campaigns[$i].SentDate }
        $campaigns[0].SentDate | Should -BeOfType ([datetime])
        $campaigns | ForEach-Object { $_.Credential | Should -Be 'Sandbox' }
        $newest = $campaigns[0].SentDate.Date
        (Get-CMCampaign -Credential Sandbox -SentFrom $newest).CampaignId | Should -Contain $campaigns[0].CampaignId
        @(Get-CMCampaign -Credential Sandbox -SentTo $newest.AddDays(-365)).Count | Should -Be 0
        (Get-CMCampaign -Credential Sandbox -Tag newsletter).Tags | Sort-Object -Unique | Should -Be 'newsletter'
    }

    It 'runs the documented pipeline: the most clicked links of the last 30 days' {
        $top = Join-Path ([IO.Path]::GetTempPath()) "top-$([guid]::NewGuid()).csv"
        Get-CMCampaign -Destination Newsletter -SentFrom (Get-Date).AddDays(-30) | Get-CMCampaignActivity -Type Clicks |
            Group-Object URL | Sort-Object Count -Descending | Export-Csv $top
        $rows = Import-Csv $top
        $rows.Count | Should -BeGreaterThan 0
        $rows | ForEach-Object { $_.Name | Should -BeLike 'https://example.com/*' }
        [int]$rows[0].Count | Should -BeGreaterOrEqual ([int]$rows[-1].Count)
        Remove-Item $top
    }

    It 'reads every report, matching the summary, each row carrying its campaign and type' {
        $campaign = Get-CMCampaign -Credential Sandbox | Select-Object -First 1
        $summary = $campaign | Get-CMCampaignSummary
        $summary.Recipients | Should -Be 3500
        $expected = @{ Recipients = $summary.Recipients; Opens = $summary.TotalOpened; Clicks = $summary.Clicks; Bounces = $summary.Bounced; Unsubscribes = $summary.Unsubscribed; SpamComplaints = $summary.SpamComplaints }
        foreach ($type in $expected.Keys) {
            $rows = @($campaign | Get-CMCampaignActivity -Type $type)
            "$type=$($rows.Count)" | Should -Be "$type=$($expected[$type])"
            if ($rows.Count) {
                $rows[0].CampaignId | Should -Be $campaign.CampaignId
                $rows[0].Type | Should -Be $type
                $rows[0].ListId | Should -Be $Seeded.ListId
            }
        }
        ($campaign | Get-CMCampaignActivity -Type Bounces | Select-Object -First 1).BounceType | Should -BeIn 'Soft', 'Hard'
        ($campaign | Get-CMCampaignActivity -Type Opens | Select-Object -First 1).CountryCode | Should -Not -BeNullOrEmpty
    }

    It 'filters activity with -Since' {
        $campaign = Get-CMCampaign -Credential Sandbox | Select-Object -First 1
        $opens = $campaign | Get-CMCampaignActivity -Type Opens
        $cut = ($opens.Date | Sort-Object)[[int]($opens.Count / 2)]
        $later = $campaign | Get-CMCampaignActivity -Type Opens -Since $cut
        $later.Count | Should -Be @($opens | Where-Object Date -GE $cut).Count
    }

    It 'goes on with the next piped campaign when one campaign ID is unknown' {
        $known = Get-CMCampaign -Credential Sandbox | Select-Object -First 1
        $unknown = [pscustomobject]@{ CampaignId = 'ffffffffffffffffffffffffffffffff'; Credential = 'Sandbox' }
        $summaries = @($unknown, $known | Get-CMCampaignSummary -ErrorVariable failures -ErrorAction SilentlyContinue)
        $summaries.Count | Should -Be 1
        $summaries[0].CampaignId | Should -Be $known.CampaignId
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'UnknownId,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be $unknown.CampaignId
    }

    It 'takes for -Credential and -Destination a name or the object Get-CMCredential or Get-CMDestination returned' {
        (Get-CMList -Credential (Get-CMCredential Sandbox)).Name | Should -Be 'Newsletter'
        (Get-CMListStats -Destination (Get-CMDestination Newsletter)).ListId | Should -Be $Seeded.ListId
        (Get-CMCampaign -Destination (Get-CMDestination Newsletter) | Select-Object -First 1).CampaignId | Should -Not -BeNullOrEmpty
        $list = Get-CMList -Credential Sandbox -Name Newsletter
        (Get-CMListStats -Credential Sandbox -ListName $list).ListId | Should -Be $Seeded.ListId
        (Get-CMListStats -Credential Sandbox -ListName 'newsletter').ListId | Should -Be $Seeded.ListId
    }

    It 'says a bad CM_BASE_URI is an invalid setting, naming the variable' {
        $saved = 'CM_API_KEY', 'CM_CLIENT_ID', 'CM_BASE_URI' | ForEach-Object { [pscustomobject]@{ Name = $_; Value = [Environment]::GetEnvironmentVariable($_) } }
        try {
            $env:CM_API_KEY = 'k'; $env:CM_CLIENT_ID = 'c0ffee00c0ffee00c0ffee00c0ffee00'; $env:CM_BASE_URI = 'http://example.com/'
            $failure = $null
            try { Get-CMList -Credential env } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidSetting,*'
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failure.Exception.Message | Should -BeLike 'CM_BASE_URI: *'
        }
        finally { $saved | ForEach-Object { [Environment]::SetEnvironmentVariable($_.Name, $_.Value) } }
    }

    It 'says what to check for an unknown campaign, and for no credential' {
        { Get-CMCampaignSummary -CampaignId 'ffffffffffffffffffffffffffffffff' -Credential Sandbox -ErrorAction Stop } | Should -Throw '*does not know the campaign ID*'
        { Get-CMCampaignActivity -CampaignId 'x' -Type Opens } | Should -Throw '*Give -Destination or -Credential*'
        { Get-CMSubscriber -Destination Nope } | Should -Throw "*There is no destination named 'Nope'*"
    }
}

Describe 'Readers over a real network' {
    It 'ask for compressed answers, and read them: every page of the list came brotli-compressed' {
        Reset-CMSandbox -RequestLogOnly -Confirm:$false
        $read = @(Get-CMSubscriber -Destination Newsletter)
        $read.Count | Should -BeGreaterOrEqual 3500
        @($read.EmailAddress | Sort-Object -Unique).Count | Should -Be $read.Count
        $pages = @(Get-CMSandboxRequest -Path '*active.json')
        $pages.Count | Should -BeGreaterThan 1
        $pages.ContentEncoding | Sort-Object -Unique | Should -Be 'br' -Because 'the module sends Accept-Encoding (gzip, deflate, br) and the sandbox answers in the best of them'
    }

    It 'a client that does not ask gets the page uncompressed; one asking for gzip only gets gzip' {
        $key = [System.Net.NetworkCredential]::new('', $Sandbox.ApiKey).Password
        $handler = [System.Net.Http.SocketsHttpHandler]::new()
        $handler.AutomaticDecompression = [System.Net.DecompressionMethods]::None
        $http = [System.Net.Http.HttpClient]::new($handler)
        try {
            $http.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Basic', [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${key}:x")))
            $answers = foreach ($asked in $null, 'gzip') {
                $request = [System.Net.Http.HttpRequestMessage]::new('GET', "$($Sandbox.BaseUri)lists/$($Seeded.ListId)/active.json?pagesize=10")
                if ($asked) { $request.Headers.AcceptEncoding.ParseAdd($asked) }
                $response = $http.Send($request)
                [pscustomobject]@{ Encoding = $response.Content.Headers.ContentEncoding -join ','; Bytes = $response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult() }
            }
        }
        finally { $http.Dispose() }
        $answers[0].Encoding | Should -Be ''
        ([Text.Encoding]::UTF8.GetString($answers[0].Bytes) | ConvertFrom-Json).Results.Count | Should -Be 10
        $answers[1].Encoding | Should -Be 'gzip'
        $unzipped = [IO.StreamReader]::new([IO.Compression.GZipStream]::new([IO.MemoryStream]::new($answers[1].Bytes), [IO.Compression.CompressionMode]::Decompress)).ReadToEnd()
        ($unzipped | ConvertFrom-Json).Results.Count | Should -Be 10
    }
}
