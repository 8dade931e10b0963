BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Cmdlets = (Import-PowerShellDataFile (Get-CMTestManifestPath)).CmdletsToExport
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../build/HelpTools.psm1') -Force
    $script:DocsPath = Join-Path $PSScriptRoot '../../docs/cmdlets'
    # Loaded here only for its metadata; the module assembly stays in this test process, not the build's.
    $script:Module = Import-Module (Get-CMTestManifestPath) -PassThru -Force
}

Describe 'Help for <_>' -ForEach $Cmdlets {
    It 'has a complete page: synopsis, description, every parameter, at least one example' {
        $page = Read-CMHelpMarkdown -Path (Join-Path $DocsPath "$_.md")
        $problems = @(Test-CMHelpPage -Page $page -Command (Get-Command $_ -Module CampaignMonitor))
        $problems -join "`n" | Should -BeNullOrEmpty
    }

    It 'is what Get-Help shows in a fresh session' {
        $name = $_
        $page = Read-CMHelpMarkdown -Path (Join-Path $DocsPath "$name.md")
        $result = Invoke-CMFreshPwsh -Script @"
Import-Module `$Manifest
`$help = Get-Help $name -Full
"synopsis=`$(`$help.Synopsis)"
"examples=`$(@(`$help.examples.example).Count)"
"parameters=`$((`$help.parameters.parameter | ForEach-Object { `$_.name + ':' + [bool](`$_.description | Out-String).Trim() }) -join ',')"
"@
        $result.Output | Should -Match ([regex]::Escape("synopsis=$($page.Synopsis)"))
        $result.Output | Should -Match "examples=$($page.Examples.Count)"
        $result.Output | Should -Not -Match ':False'
    }
}

Describe 'The examples in the help of <_>' -ForEach $Cmdlets {
    It 'run without error against a sandbox' {
        $page = Read-CMHelpMarkdown -Path (Join-Path $DocsPath "$_.md")
        # Every example runs in one fresh session, after a prelude that gives it an empty settings folder, a sandbox,
        # the variables the examples assume ($apiKey, $clientId) and the sandbox's address in CM_BASE_URI.
        $examples = foreach ($example in $page.Examples) {
            "Write-Output '--- $($example.Title -replace "'", "''")'"
            # Each example starts from an empty settings folder, as if it were the first thing a user runs.
            '$env:CM_CONFIG_DIR = Join-Path $helpRoot ([guid]::NewGuid())'
            $example.Code
            "if (-not `$?) { throw 'The example failed.' }"
        }
        $result = Invoke-CMFreshPwsh -Script (@'
Import-Module $Manifest
$helpRoot = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "cm-help-$([guid]::NewGuid())")).FullName
$helpSandbox = Start-CMSandbox
$apiKey = [System.Net.NetworkCredential]::new('', $helpSandbox.ApiKey).Password
$clientId = $helpSandbox.ClientId
$env:CM_BASE_URI = $helpSandbox.BaseUri
'@ + "`n" + ($examples -join "`n") + "`nRemove-Item `$helpRoot -Recurse -Force`n'examples-done'")
        $result.Output | Should -Match 'examples-done'
        $result.ExitCode | Should -Be 0
    }
}

Describe 'The compiled help' {
    BeforeAll {
        $script:Shown = (Invoke-CMFreshPwsh -Script @'
Import-Module $Manifest
function Show($Command, $Parameter) { $p = Get-Help $Command -Parameter $Parameter; "$Command -$Parameter globbing=$($p.globbing) default=$($p.defaultValue) pipeline=$($p.pipelineInput) type=$($p.type.name)" }
Show Get-CMDestination Name
Show Send-CMSubscribers BatchSize
Show Send-CMSubscribers Destination
Show Get-CMSubscriber State
Show Get-CMSubscriber Since
Show Get-CMListStats ListId
Show Get-CMListStats Credential
foreach ($command in Get-Command -Module CampaignMonitor) {
    $syntax = (Get-Help $command.Name).syntax.syntaxItem.parameter.name
    "syntax $($command.Name) changes=$($command.Parameters.ContainsKey('WhatIf')) whatif=$($syntax -contains 'WhatIf') confirm=$($syntax -contains 'Confirm')"
}
foreach ($command in Get-Command -Module CampaignMonitor) { "online $($command.Name) $(@((Get-Help $command.Name).relatedLinks.navigationLink)[0].uri)" }
$about = Get-Help about_CampaignMonitor | Out-String
foreach ($section in 'SETTINGS', 'MAPPING SYNTAX', 'ENVIRONMENT VARIABLES', 'REJECT CODES', 'TESTING RUNBOOKS', 'LOGS AND STATE') { "about $section=$($about -match $section)" }
Get-Help * -Category Cmdlet | Where-Object ModuleName -EQ CampaignMonitor | ForEach-Object { Get-Help $_.Name -Full | Out-String -Width 200 } | Select-String 'Nullable' | ForEach-Object { "nullable: $_" }
'@).Output
    }

    It 'takes wildcard support, defaults, pipeline input and types from the cmdlets' {
        $Shown | Should -Match 'Get-CMDestination -Name globbing=true default=None pipeline=True \(ByValue, ByPropertyName\)'
        $Shown | Should -Match 'Send-CMSubscribers -BatchSize globbing=false default=1000 pipeline=False type=System.Int32'
        $Shown | Should -Match 'Send-CMSubscribers -Destination globbing=false default=None'
        $Shown | Should -Match 'Get-CMSubscriber -State globbing=false default=Active'
        $Shown | Should -Match 'Get-CMSubscriber -Since globbing=false default=None pipeline=False type=System.DateTime'
        $Shown | Should -Match 'Get-CMListStats -ListId globbing=false default=None pipeline=True \(ByPropertyName\)'
    }

    It 'shows -WhatIf and -Confirm in the syntax of every cmdlet that changes something' {
        $Shown | Should -Match 'syntax Send-CMSubscribers changes=True whatif=True confirm=True'
        $Shown | Should -Not -Match 'changes=True whatif=False'
        $Shown | Should -Not -Match 'changes=True whatif=True confirm=False'
        $Shown | Should -Not -Match 'changes=False whatif=True'
    }

    It 'opens each cmdlet''s own page with -Online' {
        $lines = @($Shown -split "`n" | Where-Object { $_ -like 'online *' })
        $lines.Count | Should -BeGreaterThan 20
        foreach ($line in $lines) {
            $name = ($line -split ' ')[1]
            $line | Should -BeLike "online $name https://*/docs/cmdlets/$name.md*"
        }
    }

    It 'has an about_CampaignMonitor topic on settings, mappings, environment variables, reject codes, testing runbooks, logs and state' {
        foreach ($section in 'SETTINGS', 'MAPPING SYNTAX', 'ENVIRONMENT VARIABLES', 'REJECT CODES', 'TESTING RUNBOOKS', 'LOGS AND STATE') {
            $Shown | Should -Match "about $section=True"
        }
    }

    It 'names types as users write them, never Nullable`1' {
        $Shown | Should -Not -Match 'nullable:'
    }
}

Describe 'The help checker' {
    It 'names every gap of an incomplete page' {
        $page = Read-CMHelpMarkdown -Path (Join-Path $PSScriptRoot 'assets/Test-CMCredential.incomplete.md')
        $problems = @(Test-CMHelpPage -Page $page -Command (Get-Command Test-CMCredential -Module CampaignMonitor))
        $problems | Should -Contain 'Test-CMCredential: the DESCRIPTION is missing.'
        $problems | Should -Contain 'Test-CMCredential: there is no example.'
        $problems | Should -Contain 'Test-CMCredential: the parameter -Name is not described.'
        $problems | Should -Contain 'Test-CMCredential: the page describes -Nmae, which the cmdlet does not have.'
    }
}
