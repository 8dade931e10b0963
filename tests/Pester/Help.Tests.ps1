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
