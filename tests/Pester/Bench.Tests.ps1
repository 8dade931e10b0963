# The benchmark suite at quick sizes: every scenario must run and report a number (its speed is not asserted here).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Output = Join-Path ([IO.Path]::GetTempPath()) "cm-bench-quick-$([guid]::NewGuid())"
    $script:Run = Invoke-CMFreshPwsh -Script "& '$(Join-Path $PSScriptRoot '../../bench/Invoke-Benchmark.ps1')' -ModulePath '$(Get-CMTestModulePath)' -OutputPath '$Output' -Quick"
}
AfterAll { Remove-Item $Output -Recurse -Force -ErrorAction SilentlyContinue }

Describe 'build.ps1 Bench -Quick' {
    It 'runs every scenario and writes the results' {
        $Run.ExitCode | Should -Be 0 -Because $Run.Output
        $results = (Get-Content (Join-Path $Output 'results.json') -Raw | ConvertFrom-Json).Results
        ($results.Scenario | ForEach-Object { [int]($_ -split '\.')[0] } | Sort-Object -Unique) -join ',' | Should -Be '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16'
        $results | ForEach-Object { $_.Ratio | Should -BeGreaterThan 0 -Because "$($_.Scenario) measured something" }
        Get-Content (Join-Path $Output 'results.md') -Raw | Should -Match '\| 4\. Flat memory \|'
    }
}
