# Subscriber administration (issue 17): one person or a file of people, looked up and removed.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-CMTestManifestPath) -Force
    $script:Sandbox = Enter-CMTestSandbox -Name administration
    Add-CMDestination -Name People -Credential Sandbox -ListName 'People' -AllowRestrictedPii | Out-Null
    Add-CMDestination -Name Others -Credential Sandbox -ListName 'Others' | Out-Null
    Add-CMDataTemplate -Name Crm -Destination People -ConsentToTrack Yes -Mapping ([ordered]@{ Email = 'EmailAddress'; Name = 'Name'; Points = @{ Field = 'Points'; Type = 'Number' } }) | Out-Null
    function script:Fill([int] $Count = 20) {
        Reset-CMSandbox -Confirm:$false
        Set-CMSandboxFault
        1..$Count | ForEach-Object { [pscustomobject]@{ Email = "person$_@example.com"; Name = "Person $_"; Points = $_ } } |
            Send-CMSubscribers -Destination People -DataTemplate Crm | Out-Null
    }
    function script:InState([string] $State) { @(Get-CMSubscriber -Destination People -State $State).EmailAddress }
}

AfterAll {
    Exit-CMTestSandbox -Sandbox $Sandbox
}

Describe 'Get-CMSubscriber -EmailAddress' {
    BeforeAll { Fill }

    It 'gives one subscriber''s details: state, typed custom fields, consent' {
        $one = Get-CMSubscriber -Destination People -EmailAddress 'PERSON7@example.com'
        $one.EmailAddress | Should -Be 'person7@example.com'
        $one.State | Should -Be 'Active'
        $one.Name | Should -Be 'Person 7'
        $one.CustomFields['Points'] | Should -Be 7
        $one.ConsentToTrack | Should -Be 'Yes'
    }

    It 'takes many addresses from the pipeline; one not in the list is a non-terminating SubscriberNotFound' {
        $found = 'person1@example.com', 'nobody@example.com', 'person2@example.com' | Get-CMSubscriber -Destination People -ErrorVariable missing -ErrorAction SilentlyContinue
        $found.EmailAddress | Should -Be 'person1@example.com', 'person2@example.com'
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'SubscriberNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].Exception.Message | Should -Be "The list 'People' has no subscriber nobody@example.com."
        # Objects with an EmailAddress property bind too (a CSV of an erasure request, say).
        @([pscustomobject]@{ EmailAddress = 'person3@example.com' } | Get-CMSubscriber -Destination People).Count | Should -Be 1
    }
}

Describe 'Remove-CMSubscriber' {
    It 'deletes, or with -Unsubscribe records an opt-out; an address not there is an error for that address only' {
        Fill
        'person1@example.com', 'nobody@example.com', 'person2@example.com' | Remove-CMSubscriber -Destination People -Confirm:$false -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'SubscriberNotFound,*'
        $missing[0].TargetObject | Should -Be 'nobody@example.com'
        InState Deleted | Should -Be 'person1@example.com', 'person2@example.com'
        $passed = Remove-CMSubscriber -Destination People -EmailAddress 'person3@example.com' -Unsubscribe -PassThru -Confirm:$false
        $passed.PSObject.TypeNames[0] | Should -Be 'CampaignMonitor.SubscriberRemoval'
        $passed.Action | Should -Be 'Unsubscribed'
        $passed.ListName | Should -Be 'People'
        InState Unsubscribed | Should -Be 'person3@example.com'
    }

    It 'removes nothing under -WhatIf, and asks (impact High) unless -Confirm:$false' {
        Fill 5
        Remove-CMSubscriber -Destination People -EmailAddress 'person1@example.com', 'person2@example.com' -WhatIf
        (Get-Command Remove-CMSubscriber).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        @(Get-CMSandboxRequest | Where-Object Method -EQ 'DELETE').Count | Should -Be 0
        (InState Active).Count | Should -Be 5
    }

    It 'removes a file of 10,000 addresses with 10% of requests failing: each address once, counts right' {
        Reset-CMSandbox -Confirm:$false
        Add-CMSandboxData -ListName 'People' -Active 10000 | Out-Null
        $erasure = @(Get-CMSubscriber -Destination People | ForEach-Object { [pscustomobject]@{ EmailAddress = $_.EmailAddress } })
        Set-CMSandboxFault -ErrorRate 0.1 -PathContains 'subscribers/' -Seed 11
        # The widest concurrency: each failed request waits about a second before its retry.
        $removed = $erasure | Remove-CMSubscriber -Destination People -PassThru -Confirm:$false -MaxConcurrency 64
        Set-CMSandboxFault
        $removed.Count | Should -Be 10000
        (Get-CMListStats -Destination People).TotalActiveSubscribers | Should -Be 0
        $deletes = @(Get-CMSandboxRequest | Where-Object { $_.Method -eq 'DELETE' })
        @($deletes | Where-Object Status -GE 500).Count | Should -BeGreaterThan 500
        $ok = @($deletes | Where-Object Status -EQ 200)
        $ok.Count | Should -Be 10000 -Because 'every address was removed exactly once'
        @($ok.Query | Sort-Object -Unique).Count | Should -Be 10000
    }

    It 'with -AllLists, takes an address off every list of the client that has it' {
        Fill 3
        [pscustomobject]@{ Email = 'person1@example.com' } | Send-CMSubscribers -Destination Others | Out-Null
        $passed = Remove-CMSubscriber -Credential Sandbox -AllLists -EmailAddress 'person1@example.com' -PassThru -Confirm:$false
        $passed.ListName | Sort-Object | Should -Be 'Others', 'People'
        InState Deleted | Should -Be 'person1@example.com'
        { Remove-CMSubscriber -Credential Sandbox -AllLists -EmailAddress 'nobody@example.com' -Confirm:$false -ErrorAction Stop } | Should -Throw '*No list of the client*nobody@example.com*'
    }

    It 'masks addresses in a restricted session, in its output and its errors' {
        Fill 3
        $env:CM_PII_ACCESS = 'Restricted'
        try {
            $passed = Remove-CMSubscriber -Destination People -EmailAddress 'person2@example.com', 'nobody@example.com' -PassThru -Confirm:$false -ErrorVariable missing -ErrorAction SilentlyContinue
            $passed.EmailAddress | Should -Not -Be 'person2@example.com'
            $passed.EmailAddress | Should -Match '\*'
            $missing[0].Exception.Message | Should -Not -Match 'nobody@'
            (Get-CMSubscriber -Destination People -EmailAddress 'person1@example.com').EmailAddress | Should -Match '\*'
            { Remove-CMSubscriber -Destination Others -EmailAddress 'person1@example.com' -Confirm:$false -ErrorAction Stop } | Should -Throw '*CM_PII_ACCESS=Restricted*'
        }
        finally { Remove-Item Env:CM_PII_ACCESS }
        InState Deleted | Should -Be 'person2@example.com'
    }

    It 'refuses a business-user session a whole client, and destinations that do not allow business users' {
        $env:CM_ROLE = 'BusinessUser'
        try {
            { Remove-CMSubscriber -Credential Sandbox -AllLists -EmailAddress 'person1@example.com' -Confirm:$false -ErrorAction Stop } | Should -Throw '*CM_ROLE=BusinessUser*-AllLists*'
            { Remove-CMSubscriber -Destination People -EmailAddress 'person1@example.com' -Confirm:$false -ErrorAction Stop } | Should -Throw '*does not allow business users*'
        }
        finally { Remove-Item Env:CM_ROLE }
    }
}

Describe 'Get-CMSubscriberHistory' {
    It 'writes what the subscriber did with each campaign; an address not in the list is SubscriberNotFound' {
        Reset-CMSandbox -Confirm:$false
        Add-CMSandboxData -ListName 'People' -Active 30 -Campaigns 4 | Out-Null
        $someone = (Get-CMSubscriber -Destination People | Select-Object -First 1).EmailAddress
        $all = @(Get-CMSubscriber -Destination People | Get-CMSubscriberHistory -Destination People)
        $all.Count | Should -BeGreaterThan 0
        $all[0].PSObject.TypeNames[0] | Should -Be 'CampaignMonitor.SubscriberActivity'
        ($all.Event | Sort-Object -Unique) | Should -BeIn 'Open', 'Click', 'Bounce', 'Unsubscribe', 'Spam'
        $all | Where-Object Event -EQ 'Click' | ForEach-Object { $_.Detail | Should -Match '^https?://' }
        $all.Type | Sort-Object -Unique | Should -Be 'Campaign'
        Get-CMSubscriberHistory -Destination People -EmailAddress 'nobody@example.com' -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'SubscriberNotFound,*'
    }
}

Describe 'Get-, Add- and Remove-CMSuppression' {
    It 'adds a file of addresses in batches of 100, lists them, and takes them off again' {
        Reset-CMSandbox -Confirm:$false
        1..250 | ForEach-Object { [pscustomobject]@{ Email = "complaint$_@example.com" } } | Add-CMSuppression -Credential Sandbox
        @(Get-CMSandboxRequest -Path '*suppress.json').Count | Should -Be 3
        $listed = @(Get-CMSuppression -Credential Sandbox)
        $listed.Count | Should -Be 250
        $listed[0].PSObject.TypeNames[0] | Should -Be 'CampaignMonitor.Suppression'
        $listed[0].State | Should -Be 'Suppressed'
        $listed[0].Date | Should -BeOfType [datetime]
        $passed = Get-CMSuppression -Credential Sandbox | Select-Object -First 10 | Remove-CMSuppression -Credential Sandbox -Confirm:$false -PassThru
        $passed.Action | Sort-Object -Unique | Should -Be 'Unsuppressed'
        @(Get-CMSuppression -Destination People).Count | Should -Be 240
        Remove-CMSuppression -Destination People -EmailAddress 'never@example.com' -Confirm:$false -ErrorVariable notThere -ErrorAction SilentlyContinue
        $notThere[0].FullyQualifiedErrorId | Should -BeLike 'NotSuppressed,*'
        (Get-Command Remove-CMSuppression).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'keeps a business-user session to destinations, and masks addresses in a restricted one' {
        Reset-CMSandbox -Confirm:$false
        $env:CM_ROLE = 'BusinessUser'
        try { { Add-CMSuppression -Credential Sandbox -EmailAddress 'x@example.com' -ErrorAction Stop } | Should -Throw '*CM_ROLE=BusinessUser*' }
        finally { Remove-Item Env:CM_ROLE }
        $env:CM_PII_ACCESS = 'Restricted'
        try {
            (Add-CMSuppression -Destination People -EmailAddress 'secret.person@example.com' -PassThru).EmailAddress | Should -Not -Be 'secret.person@example.com'
            (Get-CMSuppression -Destination People).EmailAddress | Should -Match '\*'
        }
        finally { Remove-Item Env:CM_PII_ACCESS }
        (Get-CMSuppression -Destination People).EmailAddress | Should -Be 'secret.person@example.com'
    }
}

Describe 'An erasure request, end to end (README "Looking after subscribers")' {
    It 'finds where the person is, deletes them everywhere, suppresses them, and proves it' {
        Fill 5
        [pscustomobject]@{ Email = 'person3@example.com' } | Send-CMSubscribers -Destination Others | Out-Null
        $who = 'person3@example.com'
        # 1. Where is the address?
        (Get-CMList -Credential Sandbox | ForEach-Object { Get-CMSubscriber -Credential Sandbox -ListId $_.ListId -EmailAddress $who -ErrorAction SilentlyContinue }).ListId.Count | Should -Be 2
        # 2. Off every list, 3. never emailed again.
        Remove-CMSubscriber -Credential Sandbox -AllLists -EmailAddress $who -Confirm:$false
        Add-CMSuppression -Credential Sandbox -EmailAddress $who
        # 4. The proof.
        (Get-CMSubscriber -Destination People -EmailAddress $who).State | Should -Be 'Deleted'
        (Get-CMSubscriber -Destination Others -EmailAddress $who).State | Should -Be 'Deleted'
        (Get-CMSuppression -Credential Sandbox).EmailAddress | Should -Contain $who
        # A later send does not bring the person back.
        $again = [pscustomobject]@{ Email = $who } | Send-CMSubscribers -Destination People -WarningAction SilentlyContinue
        $again.Rejected | Should -Be 1
        (Get-CMSubscriber -Destination People -EmailAddress $who).State | Should -Be 'Deleted'
    }
}
