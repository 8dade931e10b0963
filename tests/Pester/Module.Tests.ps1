BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    # The cmdlets SPEC.md names that exist so far: the smoke test grows with the module.
    $script:ExpectedCmdlets = @(
        'New-CMCredential', 'Get-CMCredential', 'Remove-CMCredential', 'Test-CMCredential'
        'Add-CMDestination', 'Get-CMDestination', 'Set-CMDestination', 'Remove-CMDestination'
        'Add-CMDataTemplate', 'Get-CMDataTemplate', 'Set-CMDataTemplate', 'Remove-CMDataTemplate'
        'Start-CMSandbox', 'Stop-CMSandbox')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Manifest = Get-CMTestManifestPath
    $script:ModulePath = Get-CMTestModulePath
}

Describe 'The built module' {
    It 'imports in a fresh pwsh and exports exactly the cmdlets its manifest lists' {
        $result = Invoke-CMFreshPwsh -Script @'
$m = Import-Module $Manifest -PassThru
($m.ExportedCmdlets.Keys | Sort-Object) -join ','
'@
        $result.ExitCode | Should -Be 0
        $listed = (Import-PowerShellDataFile $Manifest).CmdletsToExport | Sort-Object
        $result.Output.Trim() | Should -Be ($listed -join ',')
    }

    It 'exports <_>' -ForEach $ExpectedCmdlets {
        (Import-PowerShellDataFile $Manifest).CmdletsToExport | Should -Contain $_
    }

    It 'has a manifest that names its cmdlets explicitly and declares what PowerShell it needs' {
        $data = Import-PowerShellDataFile $Manifest
        $data.CmdletsToExport | Should -Not -Contain '*'
        $data.CmdletsToExport.Count | Should -BeGreaterThan 0
        $data.CompatiblePSEditions | Should -Be @('Core')
        $data.PowerShellVersion | Should -Be '7.4'
        $data.Description | Should -Not -BeNullOrEmpty
        $data.PrivateData.PSData.Tags | Should -Contain 'CampaignMonitor'
        $data.FormatsToProcess | Should -Contain 'CampaignMonitor.Format.ps1xml'
        Test-Path (Join-Path $ModulePath 'CampaignMonitor.Format.ps1xml') | Should -BeTrue
    }

    It 'carries the manifest version in its assemblies' {
        $version = [version] (Import-PowerShellDataFile $Manifest).ModuleVersion
        foreach ($dll in (Join-Path $ModulePath 'CampaignMonitor.dll'), (Join-Path $ModulePath 'Dependencies/CampaignMonitor.Core.dll')) {
            $assembly = [System.Reflection.AssemblyName]::GetAssemblyName($dll)
            $assembly.Version.ToString(3) | Should -Be $version.ToString(3)
        }
    }

    It 'ships its dependencies in Dependencies/ and no copy of what pwsh already has' {
        Test-Path (Join-Path $ModulePath 'Dependencies/Polly.Core.dll') | Should -BeTrue
        Test-Path (Join-Path $ModulePath 'Polly.Core.dll') | Should -BeFalse
        Get-ChildItem $ModulePath -Recurse -Filter 'System.Text.Json.dll' | Should -BeNullOrEmpty
        Get-ChildItem $ModulePath -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }
}

Describe 'Dependency isolation' {
    BeforeAll {
        $script:ForeignPolly = $env:CM_TEST_FOREIGN_POLLY
    }

    It 'imports and works when another Polly.Core version is already loaded, and leaves that one in place' {
        $ForeignPolly | Should -Exist
        $result = Invoke-CMFreshPwsh -Environment @{ CM_API_KEY = 'isolation-test-key-0001'; CM_CLIENT_ID = 'c0ffee00c0ffee00c0ffee00c0ffee00'; CM_BASE_URI = 'http://127.0.0.1:9/api/v3.3/' } -Script @"
Add-Type -Path '$ForeignPolly'
function Get-PollyIdentity([System.Reflection.Assembly] `$a) {
    `$version = `$a.GetCustomAttributes([System.Reflection.AssemblyInformationalVersionAttribute], `$false)[0].InformationalVersion -replace '\+.*'
    "`$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$a).Name)@`$version"
}
`$before = Get-PollyIdentity ([Polly.ResiliencePipeline].Assembly)
Import-Module `$Manifest
# Port 9 refuses connections: the call goes through the module's retry pipeline (its own Polly) and fails cleanly.
`$answer = Test-CMCredential env -WarningVariable why -WarningAction SilentlyContinue
# And against a sandbox, through the same pipeline, it works.
`$sandbox = Start-CMSandbox
`$env:CM_API_KEY = [System.Net.NetworkCredential]::new('', `$sandbox.ApiKey).Password
`$env:CM_CLIENT_ID = `$sandbox.ClientId
`$env:CM_BASE_URI = `$sandbox.BaseUri
"works=`$(Test-CMCredential env)"
`$after = Get-PollyIdentity ([Polly.ResiliencePipeline].Assembly)
`$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Polly.Core' } | ForEach-Object { Get-PollyIdentity `$_ }
"before=`$before after=`$after loaded=`$((`$loaded | Sort-Object) -join ',')"
"answer=`$answer why=`$why"
"@
        # Every Polly.Core 8.x has assembly version 8.0.0.0: without isolation the module would silently get the
        # session's older copy. It must use its own 8.9.1, in its own load context, and leave the other alone.
        $result.Output | Should -Match 'before=Default@8\.4\.2 after=Default@8\.4\.2'
        $result.Output | Should -Match 'loaded=CampaignMonitor\.Dependencies@8\.9\.1,Default@8\.4\.2'
        $result.Output | Should -Match "answer=False why=The credential 'env' does not work: Could not reach Campaign Monitor"
        $result.Output | Should -Match 'works=True'
        $result.Output | Should -Not -Match 'isolation-test-key-0001'
        $result.ExitCode | Should -Be 0
    }

    It 'does not answer for its dependencies outside its own load context' {
        $result = Invoke-CMFreshPwsh -Script @'
Import-Module $Manifest
$context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([CampaignMonitor.Commands.TestCMCredentialCommand].Assembly).Name
try { [void][System.Reflection.Assembly]::Load('Polly.Core'); 'polly=visible' } catch { 'polly=hidden' }
"cmdlets=$context"
'@
        $result.Output | Should -Match 'polly=hidden'
        $result.Output | Should -Match 'cmdlets=Default'
    }
}
