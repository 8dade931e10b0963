# Installed like any module (issue 15): build.ps1 Package, a folder repository, Install-PSResource into a clean
# module path in a fresh process, Import-Module by name, and the demo's send against the installed module's sandbox.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../build/LayoutTools.psm1') -Force
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Version = (Import-PowerShellDataFile (Join-Path $Root 'CampaignMonitor.psd1')).ModuleVersion
    $script:Folder = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "cm-package-$([guid]::NewGuid())")).FullName
    $script:Package = Join-Path $Root "out/packages/CampaignMonitor.$Version.nupkg"

    function Invoke-InCleanProfile {
        # A fresh pwsh whose user folders (PSResourceGet's repositories, the CurrentUser module path) are all under
        # $Folder/home: what it installs is seen by nothing else, and it sees nothing installed before.
        param([Parameter(Mandatory)][string] $Script)
        # Only HOME: PSResourceGet installs under $HOME/.local/share even when XDG_DATA_HOME says otherwise, while
        # pwsh would look there. .NET gives no user folder that does not exist yet, so it is made first.
        $profileHome = Join-Path $Folder 'home'
        New-Item -ItemType Directory -Path (Join-Path $profileHome '.local/share') -Force | Out-Null
        $environment = @{ HOME = $profileHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null; PSModulePath = $null }
        $saved = @{}
        foreach ($name in $environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
        try {
            $said = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $Script 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($said | Out-String) }
        }
        finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
    }
}

AfterAll {
    Remove-Item $Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'build.ps1 Package' -Skip:$IsWindows {
    BeforeAll {
        $said = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $Root 'build.ps1') Package -NoBuild 2>&1
        $script:PackageExit = $LASTEXITCODE
        $script:PackageSaid = $said | Out-String
    }

    It 'writes out/packages/CampaignMonitor.<version>.nupkg with the manifest''s links, tags and the changelog''s notes' {
        $PackageExit | Should -Be 0 -Because $PackageSaid
        $Package | Should -Exist
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($Package)
        try {
            $reader = [IO.StreamReader]::new($zip.GetEntry('CampaignMonitor.nuspec').Open())
            [xml] $nuspec = $reader.ReadToEnd()
            $reader.Dispose()
        }
        finally { $zip.Dispose() }
        $nuspec.package.metadata.version | Should -Be $Version
        $nuspec.package.metadata.projectUrl | Should -Match '^https://'
        $nuspec.package.metadata.licenseUrl | Should -Match '^https://.*LICENSE$'
        $nuspec.package.metadata.tags | Should -Match 'CampaignMonitor'
        $changelog = Get-Content (Join-Path $Root 'CHANGELOG.md') -Raw
        $changelog | Should -Match "## \[$([regex]::Escape($Version))\] - \d{4}-\d{2}-\d{2}"
        $firstNote = ($nuspec.package.metadata.releaseNotes -split "`n" | Where-Object { $_ -like '- *' } | Select-Object -First 1)
        $firstNote | Should -Not -BeNullOrEmpty
        $changelog | Should -Match ([regex]::Escape($firstNote.Trim()))
        Join-Path $Root 'LICENSE' | Should -Exist
    }

    It 'holds only what runs: no symbols, no host files, no assembly that nothing references' {
        $unpacked = Join-Path $Folder 'unpacked'
        Expand-Archive -Path $Package -DestinationPath $unpacked
        $files = Get-ChildItem $unpacked -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($unpacked, $_.FullName).Replace('\', '/') }
        $packaging = '_rels/.rels', '[Content_Types].xml', 'CampaignMonitor.nuspec'
        $moduleFiles = 'CampaignMonitor.psd1', 'CampaignMonitor.Format.ps1xml', 'en-US/about_CampaignMonitor.help.txt', 'en-US/CampaignMonitor.dll-Help.xml', 'sandbox/Start-Sandbox.ps1'
        $assemblies = $files | Where-Object { $_ -like '*.dll' }
        $others = $files | Where-Object { $_ -notlike '*.dll' -and $_ -notin $packaging -and $_ -notin $moduleFiles -and $_ -notlike 'package/services/metadata/core-properties/*.psmdcp' }
        $others | Should -BeNullOrEmpty -Because 'every other file is a symbol file, a host file or something nothing reads'

        # Every assembly is reached by following references: from the cmdlets, or from the sandbox program.
        $byName = @{}
        foreach ($dll in $assemblies) { $byName[[IO.Path]::GetFileNameWithoutExtension($dll)] = Join-Path $unpacked $dll }
        $reached = @(Get-AssemblyClosure -Start (Join-Path $unpacked 'CampaignMonitor.dll') -Candidates $byName) +
            @(Get-AssemblyClosure -Start (Join-Path $unpacked 'sandbox/CampaignMonitor.Sandbox.dll') -Candidates $byName)
        $unreached = $assemblies | Where-Object { (Join-Path $unpacked $_) -notin $reached }
        $unreached | Should -BeNullOrEmpty
        $assemblies | Should -Contain 'sandbox/Microsoft.AspNetCore.Server.Kestrel.Core.dll'
        $assemblies | Where-Object { $_ -like 'sandbox/System.Private.*' -or $_ -like 'sandbox/System.Runtime.dll' } | Should -BeNullOrEmpty
    }

    It 'installs with Install-PSResource into a clean module path, imports by name, and runs the demo''s send' {
        $install = Invoke-InCleanProfile -Script @"
`$ErrorActionPreference = 'Stop'
if (Get-Module CampaignMonitor -ListAvailable) { throw 'CampaignMonitor is already installed in the clean profile.' }
Register-PSResourceRepository -Name Local -Uri '$(Split-Path $Package)' -Trusted
Install-PSResource CampaignMonitor -Repository Local -Version '$Version' -Scope CurrentUser
(Get-InstalledPSResource CampaignMonitor).InstalledLocation
"@
        $install.ExitCode | Should -Be 0 -Because $install.Output

        $use = Invoke-InCleanProfile -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module CampaignMonitor
`$module = Get-Module CampaignMonitor
"base=`$(`$module.ModuleBase)"
"version=`$(`$module.Version)"
`$manifest = Test-ModuleManifest (Join-Path `$module.ModuleBase 'CampaignMonitor.psd1') -WarningVariable warned -ErrorVariable failed
"manifest-warnings=`$(@(`$warned).Count) manifest-errors=`$(@(`$failed).Count)"
"releasenotes=`$(`$manifest.PrivateData.PSData.ReleaseNotes.Length)"
& '$(Join-Path $Root 'examples/Demo.ps1')'
"@
        $use.ExitCode | Should -Be 0 -Because $use.Output
        $use.Output | Should -Match "base=$([regex]::Escape((Join-Path $Folder "home/.local/share/powershell/Modules/CampaignMonitor/$Version")))"
        $use.Output | Should -Match "version=$([regex]::Escape($Version))"
        $use.Output | Should -Match 'manifest-warnings=0 manifest-errors=0'
        $use.Output | Should -Match 'releasenotes=[1-9]\d+'
        # The demo's send: 3,000 rows, every one accounted for.
        $use.Output | Should -Match 'Every row is accounted for: 3000 received = \d+ new'
        $use.Output | Should -Match 'listening at http://127\.0\.0\.1:\d+/api/v3\.3/'
    }
}
