BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'The public surface' {
    It 'is exactly the committed list (tests/PublicApi/CampaignMonitor.api.txt): a change to it is deliberate' {
        $script = Join-Path $PSScriptRoot '../PublicApi/Get-CMPublicApi.ps1'
        $actual = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $script -ModulePath (Get-CMTestModulePath)
        $LASTEXITCODE | Should -Be 0
        $expected = Get-Content (Join-Path $PSScriptRoot '../PublicApi/CampaignMonitor.api.txt')
        $difference = Compare-Object $expected $actual | ForEach-Object { "$($_.SideIndicator -replace '=>', 'new:' -replace '<=', 'gone:') $($_.InputObject.Trim())" }
        # To accept a deliberate change: tests/PublicApi/Get-CMPublicApi.ps1 -ModulePath out/CampaignMonitor > tests/PublicApi/CampaignMonitor.api.txt
        $difference | Should -BeNullOrEmpty -Because ($difference -join "`n")
    }
}
