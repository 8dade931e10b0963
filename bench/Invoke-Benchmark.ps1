<#
.SYNOPSIS
    The benchmark suite: each scenario against a baseline measured in the same run, reported as ratios.
.DESCRIPTION
    Run by `build.ps1 Bench` (full sizes, results in bench/results.md and bench/results.json) and, with -Quick, by
    the test suite (small sizes, results under out/bench/, never over the committed ones). The sandbox serves every
    scenario on 127.0.0.1; its latency is set per scenario.
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $OutputPath,
    [switch] $Quick,
    # Only these scenarios (1-16), for profiling one at a time; every one when left out.
    [int[]] $Scenario
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
$env:NO_COLOR = '1'
Import-Module (Join-Path $ModulePath 'CampaignMonitor.psd1')
$pwshCommand = @('dotnet', (Join-Path $PSHOME 'pwsh.dll'))

$size = if ($Quick) {
    @{ Rows = 5000; LatencyRows = 20000; Latency = 20; Concurrency = 8; MemorySmall = 5000; MemoryLarge = 25000; Readers = 10000; Runs = 1; ProcessRuns = 2; StateAddresses = 100000; Removals = 200; LargeRuns = 1 }
}
else {
    @{ Rows = 100000; LatencyRows = 200000; Latency = 100; Concurrency = 8; MemorySmall = 100000; MemoryLarge = 1000000; Readers = 100000; Runs = 5; ProcessRuns = 7; StateAddresses = 1000000; Removals = 10000; LargeRuns = 3 }
}

$work = New-Item -ItemType Directory -Force -Path (Join-Path ([IO.Path]::GetTempPath()) "cm-bench-$([guid]::NewGuid())")
$env:CM_CONFIG_DIR = Join-Path $work 'settings'
$results = [System.Collections.Generic.List[object]]::new()
function Test-Wanted([int] $Number) { -not $Scenario -or $Number -in $Scenario }

function New-Input([int] $Rows) {
    # Realistic rows: email, name, six custom fields of mixed types.
    $path = Join-Path $work "input-$Rows.csv"
    if (-not (Test-Path $path)) {
        $writer = [IO.StreamWriter]::new($path)
        $writer.WriteLine('Email,Name,Zip,Tier,Interests,Joined,Points,Phone')
        $tiers = 'Gold', 'Silver', 'Bronze'; $interests = 'Books', 'Music;Travel', 'Cooking', ''
        for ($i = 0; $i -lt $Rows; $i++) {
            $writer.WriteLine(('user{0}@example.com,User {0},{1:D5},{2},{3},20{4:D2}-{5:D2}-{6:D2},{7},+614{0:D8}' -f $i, ($i % 100000), $tiers[$i % 3], $interests[$i % 4], (10 + $i % 15), (1 + $i % 12), (1 + $i % 28), ($i % 5000)))
        }
        $writer.Dispose()
    }
    $path
}

function Measure-Median([int] $Runs, [scriptblock] $Before, [scriptblock] $Action) {
    $times = foreach ($run in 1..$Runs) {
        if ($Before) { & $Before }
        [GC]::Collect()
        (Measure-Command $Action).TotalSeconds
    }
    $sorted = @($times | Sort-Object)
    [pscustomobject]@{ Median = $sorted[[int][Math]::Floor(($sorted.Count - 1) / 2)]; Min = $sorted[0]; Max = $sorted[-1] }
}

function Measure-Cpu([scriptblock] $Before, [scriptblock] $Action) {
    # Processor time of this process (every thread: the pipeline, JSON, HTTP) spent on one run.
    if ($Before) { & $Before }
    [GC]::Collect()
    $start = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
    & $Action
    ([Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime - $start).TotalSeconds
}

function Add-Result($Scenario, $Metric, $Baseline, $Module, [double] $Ratio, [string] $Target, [bool] $Met, [string] $Note = '', [string] $WhyNot = '') {
    # A target not met says why (docs/performance.md has the measurements behind it).
    if (-not $Met -and $WhyNot) { $Note = "$Note Not met: $WhyNot".Trim() }
    $results.Add([pscustomobject]@{
            Scenario = $Scenario; Metric = $Metric; Baseline = $Baseline; Module = $Module
            Ratio = [Math]::Round($Ratio, 2); Target = $Target; Met = $Met; Note = $Note
        })
    Write-Host ("{0,-34} {1,-46} ratio {2,6:0.00}  target {3,-8} {4}" -f $Scenario, $Metric, $Ratio, $Target, $(if ($Met) { 'met' } else { 'NOT met' }))
}

function Format-Time($m) { '{0:0.000} s ({1:0.000}–{2:0.000})' -f $m.Median, $m.Min, $m.Max }

function Measure-Send([int] $Runs, [scriptblock] $Before, [scriptblock] $Action) {
    # Runs of a send in this process: wall time, this process's processor time, the sandbox's, and this process's
    # garbage collections; the run with the median wall time is reported.
    $measured = foreach ($run in 1..$Runs) {
        if ($Before) { & $Before }
        [GC]::Collect()
        $self = [Diagnostics.Process]::GetCurrentProcess()
        $server = Get-Process -Id $sandbox.ProcessId
        $cpu = $self.TotalProcessorTime; $serverCpu = $server.TotalProcessorTime
        $gen0 = [GC]::CollectionCount(0); $gen1 = [GC]::CollectionCount(1); $gen2 = [GC]::CollectionCount(2); $pause = [GC]::GetTotalPauseDuration()
        $wall = (Measure-Command $Action).TotalSeconds
        $self.Refresh(); $server.Refresh()
        [pscustomobject]@{
            Wall = $wall; Cpu = ($self.TotalProcessorTime - $cpu).TotalSeconds; SandboxCpu = ($server.TotalProcessorTime - $serverCpu).TotalSeconds
            Gen0 = [GC]::CollectionCount(0) - $gen0; Gen1 = [GC]::CollectionCount(1) - $gen1; Gen2 = [GC]::CollectionCount(2) - $gen2
            Pause = ([GC]::GetTotalPauseDuration() - $pause).TotalSeconds
        }
    }
    $sorted = @($measured | Sort-Object Wall)
    $median = $sorted[[int][Math]::Floor(($sorted.Count - 1) / 2)]
    $median | Add-Member -NotePropertyMembers @{ Median = $median.Wall; Min = $sorted[0].Wall; Max = $sorted[-1].Wall } -PassThru
}

function Format-Cpu($m) { 'processor time: client {0:0.00} s, sandbox {1:0.00} s' -f $m.Cpu, $m.SandboxCpu }

function Invoke-SandboxControl([string] $Path, [string] $Method = 'GET', $Body) {
    # The sandbox's own controls (/_sandbox/...): its mode (the stub), its memory.
    $uri = ($sandbox.BaseUri -replace 'api/v3\.3/$', '_sandbox/') + $Path
    $json = if ($null -ne $Body) { ConvertTo-Json $Body -Compress } else { $null }
    Invoke-RestMethod -Uri $uri -Method $Method -Body $json -ContentType 'application/json' -Authentication Basic -Credential $adminCredential -AllowUnencryptedAuthentication
}

function Measure-Process([int] $Runs, [string] $Script) {
    # A whole pwsh process running $Script (which ends by printing its peak working set, processor time and JIT
    # time): wall times, the peak memory, and the median run's processor time, its JIT's, and the sandbox's.
    $said = [Collections.Generic.List[object]]::new()
    $time = Measure-Median $Runs $null {
        $server = Get-Process -Id $sandbox.ProcessId
        $serverCpu = $server.TotalProcessorTime
        $peak, $cpu, $jit = (& $pwshCommand[0] $pwshCommand[1] -NoProfile -NonInteractive -Command $Script | Select-Object -Last 1) -split ' '
        $server.Refresh()
        $said.Add([pscustomobject]@{ Peak = [long]$peak; Cpu = [double]$cpu; Jit = [double]$jit; SandboxCpu = ($server.TotalProcessorTime - $serverCpu).TotalSeconds })
    }
    $middle = @($said | Sort-Object Cpu)[[int][Math]::Floor(($said.Count - 1) / 2)]
    $time | Add-Member -NotePropertyMembers @{ Peak = ($said.Peak | Measure-Object -Maximum).Maximum; Cpu = $middle.Cpu; Jit = $middle.Jit; SandboxCpu = $middle.SandboxCpu } -PassThru
}

function Format-ProcessCpu($m) { 'processor time: the pwsh process {0:0.00} s (of which compiling code {1:0.00} s), the sandbox {2:0.00} s' -f $m.Cpu, $m.Jit, $m.SandboxCpu }

$sandbox = Start-CMSandbox
try {
    $sandbox | New-CMCredential -Name Bench | Out-Null
    $apiKey = [System.Net.NetworkCredential]::new('', $sandbox.ApiKey).Password
    $adminCredential = [pscredential]::new($apiKey, (ConvertTo-SecureString 'x' -AsPlainText -Force))
    Add-CMDestination -Name Bench -Credential Bench -ListName 'Bench' | Out-Null
    Add-CMDataTemplate -Name Bench -Destination Bench -ConsentToTrack Yes -Mapping ([ordered]@{
            Email = 'EmailAddress'; Name = 'Name'; Zip = 'Zip'; Phone = 'Phone'
            Tier = @{ Field = 'Tier'; Type = 'MultiSelectOne'; Options = 'Gold', 'Silver', 'Bronze' }
            Interests = @{ Field = 'Interests'; Type = 'MultiSelectMany'; Options = 'Books', 'Music', 'Travel', 'Cooking'; Separator = ';' }
            Joined = @{ Field = 'Joined'; Type = 'Date' }
            Points = @{ Field = 'Points'; Type = 'Number' }
        }) | Out-Null
    $send = { param($path, $extra) Import-Csv $path | Send-CMSubscribers -Destination Bench -DataTemplate Bench @extra | Out-Null }
    $sendPath = { param($path, $extra) Send-CMSubscribers -Destination Bench -DataTemplate Bench -Path $path @extra | Out-Null }
    # Every timed send starts from the same place: an empty list whose fields exist (as the hand-written script needs).
    $fresh = {
        Reset-CMSandbox -Confirm:$false
        [pscustomobject]@{ Email = 'warm@example.com' } | Send-CMSubscribers -Destination Bench -DataTemplate Bench -WarningAction SilentlyContinue | Out-Null
        Set-CMSandboxFault -LatencyMs $script:latency
    }
    # The same, then the sandbox as a stub: imports answered at once, nothing stored (the client alone is measured).
    $freshStub = { & $fresh; Invoke-SandboxControl mode PUT @{ Stub = $true } | Out-Null }
    $script:latency = 0
    # Warm-up: JIT (to the optimised tier), connections, list and fields.
    $rows = New-Input $size.Rows
    & $fresh; & $send $rows @{}; & $fresh; & $send $rows @{}
    & $fresh; & $sendPath $rows @{}; & $fresh; & $sendPath $rows @{}; & $fresh; & $sendPath $rows @{ WhatIf = $true }

    if ((Test-Wanted 1) -or (Test-Wanted 7)) {
        # 1. Pipeline cost.
        $baseline = Measure-Median $size.Runs $null { Import-Csv $rows | Out-Null }
        $module = Measure-Median $size.Runs $fresh { & $send $rows @{} }
        $log = Get-CMSandboxRequest -Path '*import.json'
        $dry = Measure-Median $size.Runs $fresh { & $send $rows @{ WhatIf = $true } }
        $serverSeconds = ($log.DurationMs | Measure-Object -Sum).Sum / 1000
        $baselineCpu = Measure-Cpu $null { Import-Csv $rows | Out-Null }
        # The floor under any mapping: only reading each row's 8 properties from C#, as a binary cmdlet must.
        Add-Type -TypeDefinition @'
public static class BenchPropertyReader
{
    public static int ReadAll(object[] rows, string[] columns)
    {
        var found = 0;
        foreach (System.Management.Automation.PSObject row in rows)
            foreach (var column in columns)
                if (row.Properties[column]?.Value is not null) found++;
        return found;
    }
}
'@
        $loaded = @(Import-Csv $rows)
        $columns = [string[]]$loaded[0].psobject.Properties.Name
        $null = [BenchPropertyReader]::ReadAll($loaded, $columns)
        $reading = Measure-Median $size.Runs $null { $null = [BenchPropertyReader]::ReadAll($loaded, $columns) }
        $loaded = $null
        $moduleCpu = Measure-Cpu $fresh { & $send $rows @{} }
        $sandboxCpu = (Measure-Send 1 $fresh { & $send $rows @{} }).SandboxCpu
        Add-Result '1. Pipeline cost' "Import-Csv $($size.Rows) rows | Send-CMSubscribers vs | Out-Null" (Format-Time $baseline) (Format-Time $module) ($module.Median / $baseline.Median) '<= 1.3' ($module.Median / $baseline.Median -le 1.3) `
            ("Mapping and checking alone (-WhatIf, no network): {0:0.00}x; only reading the 8 properties of every row from C#: {5:0.00}x of the baseline on top of it. Processor time of this process: {1:0.00} s vs {2:0.00} s. The sandbox, on the same {3} cores, spent {4:0.00} s of request handling serving the imports ({6:0.00} s of processor time in its process). Scenario 12 measures the client alone." -f ($dry.Median / $baseline.Median), $moduleCpu, $baselineCpu, [Environment]::ProcessorCount, $serverSeconds, ($reading.Median / $baseline.Median), $sandboxCpu) `
            'reading the rows costs about what the target leaves, and the sandbox serving the imports uses the same 2 cores (scenario 12: the client alone).'

        # 7. The sandbox alone: rows per second of its own import time.
        $importedRows = ($log.BatchSize | Measure-Object -Sum).Sum
        $throughput = $importedRows / [Math]::Max($serverSeconds, 0.001)
        Add-Result '7. Sandbox throughput' 'import rows per second of sandbox time' '-' ('{0:N0} rows/s' -f $throughput) ($throughput / 1000) 'report' $true `
            ('{0:N0} rows in {1:0.000} s of request handling (median batch {2:0.0} ms)' -f $importedRows, $serverSeconds, ($log.DurationMs | Sort-Object)[[int]($log.Count / 2)])
    }

    if (Test-Wanted 2) {
        # 2. Against the hand-written script, without and with latency.
        foreach ($latency in 0, 50) {
            $script:latency = $latency
            $listId = { (Get-CMList -Credential Bench -Name 'Bench').ListId }
            $hand = Measure-Median $size.Runs $fresh { & (Join-Path $PSScriptRoot 'HandWritten-Import.ps1') -CsvPath $rows -BaseUri $sandbox.BaseUri -ApiKey $apiKey -ListId (& $listId) }
            $module = Measure-Median $size.Runs $fresh { & $send $rows @{} }
            $target = if ($latency -eq 0) { 2 } else { 5 }
            $note = ''
            if ($latency -gt 0) {
                # The default -MaxConcurrency (4, from the SPEC) bounds the ratio: the waits alone take ceil(batches / 4) rounds of latency.
                $batches = [Math]::Ceiling($size.Rows / 1000)
                $floor = [Math]::Ceiling($batches / 4) * $latency / 1000
                $imports = @(Get-CMSandboxRequest -Path '*import.json')
                $atSandbox = ($imports.DurationMs | Sort-Object)[[int][Math]::Floor($imports.Count / 2)]
                $round = $module.Median * 1000 / [Math]::Ceiling($batches / 4)
                $wider = Measure-Median $size.Runs $fresh { & $send $rows @{ MaxConcurrency = 8 } }
                $note = ('At the default -MaxConcurrency 4, {0} batches take at least {0}/4 rounds of {1} ms = {2:0.00} s of waiting alone, so no client could do better than {3:0.0}x. ' +
                    'A round took {6:0} ms: the sandbox answered an import in {7:0.0} ms (median, its {1} ms of latency included; its own work shares the 2 cores with the client), the rest is the client between an answer and the next request. With -MaxConcurrency 8: {4} ({5:0.0}x).') -f `
                    $batches, $latency, $floor, ($hand.Median / $floor), (Format-Time $wider), ($hand.Median / $wider.Median), $round, $atSandbox
            }
            Add-Result "2. vs hand-written, $latency ms" "$($size.Rows) rows: script time / module time" (Format-Time $hand) (Format-Time $module) ($hand.Median / $module.Median) ">= $target" ($hand.Median / $module.Median -ge $target) $note `
                'the default of 4 imports in flight bounds the ratio (see above); the rounds are the sandbox''s answer time plus the client''s turnaround (scenario 14).'
        }
    }

    if (Test-Wanted 3) {
        # 3. Latency hiding.
        $script:latency = $size.Latency
        $latencyRows = New-Input $size.LatencyRows
        $read = Measure-Median 1 $null { Import-Csv $latencyRows | Out-Null }
        $module = Measure-Median $size.Runs $fresh { & $send $latencyRows @{ MaxConcurrency = $size.Concurrency } }
        $setup = Measure-Median 1 $fresh { & $send (New-Input 1) @{} }
        $batches = [Math]::Ceiling($size.LatencyRows / 1000)
        $ideal = $batches * $size.Latency / 1000 / $size.Concurrency + $read.Median
        Add-Result '3. Latency hiding' "$($size.LatencyRows) rows, $($size.Latency) ms, MaxConcurrency $($size.Concurrency): wall / ideal" ('{0:0.000} s ideal' -f $ideal) (Format-Time $module) ($module.Median / $ideal) '<= 1.25' ($module.Median / $ideal -le 1.25) `
            ("ideal = $batches batches x $($size.Latency) ms / $($size.Concurrency) + {0:0.000} s to read the input; a send of 1 row takes {1:0.000} s: one round trip to read the list and its fields (found by an earlier send), one for its batch" -f $read.Median, $setup.Median)
    }

    if (Test-Wanted 5) {
        # 5. Readers.
        $script:latency = 0
        Reset-CMSandbox -Confirm:$false
        $seeded = Add-CMSandboxData -ListName 'Readers' -Active $size.Readers
        Set-CMSandboxFault -LatencyMs 50
        $hand = Measure-Median $size.Runs $null { & (Join-Path $PSScriptRoot 'HandWritten-Read.ps1') -BaseUri $sandbox.BaseUri -ApiKey $apiKey -ListId $seeded.ListId | Out-Null }
        $module = Measure-Median $size.Runs $null { Get-CMSubscriber -Credential Bench -ListId $seeded.ListId | Out-Null }
        Add-Result '5. Readers' "$($size.Readers) subscribers, 50 ms a page: loop time / module time" (Format-Time $hand) (Format-Time $module) ($hand.Median / $module.Median) '>= 1.5' ($hand.Median / $module.Median -ge 1.5)
        $onePage = Measure-Median $size.Runs $null { Get-CMListStats -Credential Bench -ListId $seeded.ListId | Out-Null }
        $first = Measure-Median $size.Runs $null { Get-CMSubscriber -Credential Bench -ListId $seeded.ListId | Select-Object -First 10 | Out-Null }
        Add-Result '5. Readers, first 10' 'Select-Object -First 10 / one request' (Format-Time $onePage) (Format-Time $first) ($first.Median / $onePage.Median) '<= 1.2' ($first.Median / $onePage.Median -le 1.2) `
            'one request = Get-CMListStats for the same list; the first 10 read the first page and, at the same time, the list''s custom fields'
        Set-CMSandboxFault
    }

    if (Test-Wanted 4) {
        # 4. Flat memory: the peak working set of a process sending many rows vs few.
        $peak = foreach ($count in $size.MemorySmall, $size.MemoryLarge) {
            Reset-CMSandbox -Confirm:$false
            $path = New-Input $count
            $script = "`$env:CM_CONFIG_DIR = '$($env:CM_CONFIG_DIR)'; Import-Module '$(Join-Path $ModulePath 'CampaignMonitor.psd1')'; " +
                "Import-Csv '$path' | Send-CMSubscribers -Destination Bench -DataTemplate Bench | Out-Null; [GC]::Collect(); " +
                "[Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64"
            [long] (& $pwshCommand[0] $pwshCommand[1] -NoProfile -NonInteractive -Command $script | Select-Object -Last 1)
        }
        Add-Result '4. Flat memory' "peak working set, $($size.MemoryLarge) rows / $($size.MemorySmall) rows" ('{0:N0} MB' -f ($peak[0] / 1MB)) ('{0:N0} MB' -f ($peak[1] / 1MB)) ($peak[1] / $peak[0]) '<= 1.25' ($peak[1] / $peak[0] -le 1.25) '' `
            'the address fingerprints of a million rows (see 13. Client memory, measured against the stub); between runs this ratio moves between 1.21 and 1.26.'
    }

    if (Test-Wanted 6) {
        # 6. Import cost.
        $exit = Measure-Median $size.ProcessRuns $null { & $pwshCommand[0] $pwshCommand[1] -NoProfile -NonInteractive -Command 'exit' }
        $import = Measure-Median $size.ProcessRuns $null { & $pwshCommand[0] $pwshCommand[1] -NoProfile -NonInteractive -Command "Import-Module '$(Join-Path $ModulePath 'CampaignMonitor.psd1')'" }
        # What pwsh charges any module like ours: a binary module of one empty cmdlet, with the same manifest settings.
        $tiny = New-Item -ItemType Directory -Force -Path (Join-Path $work 'TinyModule')
        Add-Type -OutputAssembly (Join-Path $tiny 'TinyModule.dll') -TypeDefinition @'
[System.Management.Automation.Cmdlet("Get", "Tiny")]
public sealed class GetTinyCommand : System.Management.Automation.PSCmdlet { }
'@
        "@{ ModuleVersion = '1.0.0'; RootModule = 'TinyModule.dll'; GUID = '$([guid]::NewGuid())'; PowerShellVersion = '7.4'; CompatiblePSEditions = @('Core'); CmdletsToExport = @('Get-Tiny') }" |
            Set-Content (Join-Path $tiny 'TinyModule.psd1')
        $oneCmdlet = Measure-Median $size.ProcessRuns $null { & $pwshCommand[0] $pwshCommand[1] -NoProfile -NonInteractive -Command "Import-Module '$(Join-Path $tiny 'TinyModule.psd1')'" }
        # The installed size: what Install-PSResource writes is this folder.
        $files = @(Get-ChildItem $ModulePath -Recurse -File)
        $sandboxFiles = @(Get-ChildItem (Join-Path $ModulePath 'sandbox') -File)
        Add-Result '6. Import cost' "pwsh -c 'Import-Module CampaignMonitor' / pwsh -c 'exit'" (Format-Time $exit) (Format-Time $import) ($import.Median / $exit.Median) '<= 1.25' ($import.Median / $exit.Median -le 1.25) `
            ("A binary module of one empty cmdlet with the same manifest settings: {0} ({1:0.00}x) - what pwsh charges for loading any binary module. This module's own share above it (25 cmdlets, formats, load context): {2:0.000} s. Installed size: {3:0.0} MB in {4} files, of which the sandbox (its ASP.NET Core included) {5:0.0} MB in {6} files, loaded only by Start-CMSandbox, in its own process." -f `
                (Format-Time $oneCmdlet), ($oneCmdlet.Median / $exit.Median), ($import.Median - $oneCmdlet.Median), (($files | Measure-Object Length -Sum).Sum / 1MB), $files.Count, (($sandboxFiles | Measure-Object Length -Sum).Sum / 1MB), $sandboxFiles.Count)
    }

    if (Test-Wanted 9) {
        # 9. A nightly incremental sync: 1% of the rows changed, at 50 ms a request, against the full send of the same rows.
        $script:latency = 50
        $rows = New-Input $size.Rows
        $changed = Join-Path $work "changed-$($size.Rows).csv"
        $line = 0
        Get-Content $rows | ForEach-Object { if ($line -gt 0 -and $line % 100 -eq 0) { $_ -replace ',\d+,\+614', ',77777,+614' } else { $_ }; $line++ } | Set-Content $changed
        $full = Measure-Median $size.Runs $fresh { & $send $rows @{} }
        # Before each timed run: last night's send, which wrote the state (not timed).
        $lastNight = { & $fresh; & $send $rows @{ Resync = $true }; Reset-CMSandbox -RequestLogOnly -Confirm:$false }
        $nightly = Measure-Median $size.Runs $lastNight { & $send $changed @{ Incremental = $true } }
        $imports = @(Get-CMSandboxRequest -Path '*import.json')
        $statePath = Join-Path $env:CM_CONFIG_DIR 'state/bench@bench.state'
        # The state file of a million addresses: written as -Incremental writes it, then read and saved again.
        $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'CampaignMonitor.Core' }
        $stateType = $core.GetType('CampaignMonitor.Core.Send.Incremental.IncrementalState', $true)
        Add-Type -TypeDefinition @'
public static class BenchStateFile
{
    // A state file as -Incremental writes it (version 1): header, then sorted (address, values) fingerprints.
    public static void Write(string path, int count)
    {
        var bytes = new byte[24 + 16L * count];
        System.Text.Encoding.ASCII.GetBytes("CMIS").CopyTo(bytes, 0);
        System.BitConverter.TryWriteBytes(new System.Span<byte>(bytes, 4, 4), 1);
        System.BitConverter.TryWriteBytes(new System.Span<byte>(bytes, 8, 8), 42UL);
        System.BitConverter.TryWriteBytes(new System.Span<byte>(bytes, 16, 8), (long)count);
        for (var i = 0; i < count; i++)
        {
            System.BitConverter.TryWriteBytes(new System.Span<byte>(bytes, 24 + 16 * i, 8), (ulong)(i + 1) * 1000003UL);
            System.BitConverter.TryWriteBytes(new System.Span<byte>(bytes, 32 + 16 * i, 8), (ulong)i);
        }
        System.IO.File.WriteAllBytes(path, bytes);
    }
}
'@
        $million = Join-Path $work 'million.state'
        [BenchStateFile]::Write($million, $size.StateAddresses)
        $load = Measure-Median $size.Runs $null { $script:loaded = $stateType.GetMethod('Open').Invoke($null, [object[]]@([string]$million, [uint64]42, $false)) }
        $save = Measure-Median $size.Runs $null { $stateType.GetMethod('Save').Invoke($script:loaded, @()) }
        $ratio = $nightly.Median / $full.Median
        Add-Result '9. Incremental nightly' "$($size.Rows) rows, 1% changed, 50 ms: incremental / full send" (Format-Time $full) (Format-Time $nightly) $ratio '<= 0.15, <= 2 imports' ($ratio -le 0.15 -and $imports.Count -le 2) `
            ("{0} import request(s) carrying {1} rows. State file: {2:N0} bytes for {3:N0} addresses. A state of {4:N0} addresses ({5:N0} bytes): read {6}, merged and written {7}." -f
                $imports.Count, ($imports.BatchSize | Measure-Object -Sum).Sum, (Get-Item $statePath).Length, $size.Rows, $size.StateAddresses, (Get-Item $million).Length, (Format-Time $load), (Format-Time $save)) `
            'every row must still be read and mapped to know whether it changed: through Import-Csv that alone is ~1.65x of reading the file (scenario 12), before the list read and the one import; -Path reads and maps at 0.4x.'
        $script:latency = 0
    }

    if (Test-Wanted 10) {
        # 10. Mirror: a list of members, 1% not in the input, 50 ms a request; the removal step (members read, then
        # removals) against its ideal: removals / MaxConcurrency x 50 ms + the time the member read took.
        Add-CMDestination -Name Mirror -Credential Bench -ListName 'Mirror' -Force | Out-Null
        $input = Join-Path $work "mirror-$($size.Rows).csv"
        $lines = [System.Collections.Generic.List[string]]::new()
        $lines.Add('Email')
        for ($i = 1; $i -le $size.Rows; $i++) { if ($i % 100 -ne 0) { $lines.Add('active{0:D7}.s1@example.com' -f $i) } }
        [IO.File]::WriteAllLines($input, $lines)
        $runs = foreach ($run in 1..$size.Runs) {
            Reset-CMSandbox -Confirm:$false
            Set-CMSandboxFault
            Add-CMSandboxData -ListName 'Mirror' -Active $size.Rows | Out-Null
            Set-CMSandboxFault -LatencyMs 50
            $result = Import-Csv $input | Send-CMSubscribers -Destination Mirror -Mirror
            $log = @(Get-CMSandboxRequest)
            $lastImport = ($log | Where-Object Path -Like '*import.json' | Measure-Object Sequence -Maximum).Maximum
            $reads = @($log | Where-Object { $_.Sequence -gt $lastImport -and $_.Method -eq 'GET' -and $_.Path -match '/(active|unconfirmed)\.json$' })
            $removals = @($log | Where-Object Method -EQ 'DELETE')
            $end = { param($r) $r.Time.AddMilliseconds($r.DurationMs) }
            $readSeconds = ((& $end ($reads | Sort-Object Time)[-1]) - ($reads | Sort-Object Time)[0].Time).TotalSeconds
            $stepSeconds = ((& $end ($removals | Sort-Object { & $end $_ })[-1]) - ($reads | Sort-Object Time)[0].Time).TotalSeconds
            $ideal = $removals.Count / 4 * 0.05 + $readSeconds
            [pscustomobject]@{ Step = $stepSeconds; Ideal = $ideal; Read = $readSeconds; Removed = $result.Removed; Ratio = $stepSeconds / $ideal }
        }
        Set-CMSandboxFault
        $median = @($runs | Sort-Object Ratio)[[int][Math]::Floor(($runs.Count - 1) / 2)]
        Add-Result '10. Mirror removal' "$($size.Rows) members, 1% left, 50 ms: removal step / ideal" ('{0:0.000} s ideal' -f $median.Ideal) ('{0:0.000} s' -f $median.Step) $median.Ratio '<= 1.3' ($median.Ratio -le 1.3) `
            ("{0} members removed at the default -MaxConcurrency 4; ideal = {0} / 4 x 50 ms + {1:0.000} s reading the members ({2} pages of 1000)." -f $median.Removed, $median.Read, [Math]::Ceiling($size.Rows / 1000))
    }

    if (Test-Wanted 11) {
        # 11. Remove-CMSubscriber: a file of addresses at 50 ms a request and the default -MaxConcurrency 4, against its
        # ideal (addresses / 4 x 50 ms) and against a foreach over Invoke-RestMethod. The loop is strictly one request
        # after another, so it is timed on the first tenth and scaled up.
        $emails = 1..$size.Removals | ForEach-Object { 'active{0:D7}.s1@example.com' -f $_ }
        $seed = {
            Reset-CMSandbox -Confirm:$false
            Set-CMSandboxFault
            Add-CMSandboxData -ListName 'Erasure' -Active $size.Removals | Out-Null
            Set-CMSandboxFault -LatencyMs 50
        }
        Add-CMDestination -Name Erasure -Credential Bench -ListName 'Erasure' -Force | Out-Null
        $module = Measure-Median 1 $seed { $emails | Remove-CMSubscriber -Destination Erasure -Confirm:$false }
        $removed = @(Get-CMSandboxRequest | Where-Object { $_.Method -eq 'DELETE' -and $_.Status -eq 200 }).Count
        $part = [Math]::Max(1, [int]($size.Removals / 10))
        $seedForLoop = { & $seed; $script:erasureListId = (Get-CMList -Credential Bench -Name 'Erasure').ListId }
        $loop = Measure-Median 1 $seedForLoop { & (Join-Path $PSScriptRoot 'HandWritten-Remove.ps1') -BaseUri $sandbox.BaseUri -ApiKey $apiKey -ListId $script:erasureListId -EmailAddress $emails[0..($part - 1)] }
        Set-CMSandboxFault
        $loopSeconds = $loop.Median * $size.Removals / $part
        $ideal = $size.Removals / 4 * 0.05
        $ratio = $module.Median / $ideal
        $faster = $loopSeconds / $module.Median
        Add-Result '11. Remove-CMSubscriber' "$($size.Removals) addresses, 50 ms, MaxConcurrency 4: wall / ideal" ('{0:0.000} s ideal' -f $ideal) (Format-Time $module) $ratio '<= 1.3, >= 4x the loop' ($ratio -le 1.3 -and $faster -ge 4) `
            ("{0} removed. ideal = {1} / 4 x 50 ms. A foreach over Invoke-RestMethod: {2:0.000} s for the first {3} addresses, so {4:0.0} s for all: the module is {5:0.0}x faster." -f $removed, $size.Removals, $loop.Median, $part, $loopSeconds, $faster)
    }

    if (Test-Wanted 12) {
        # 12. The client alone: the sandbox as a stub, so the time is the module's (and Import-Csv's).
        $script:latency = 0
        $rows = New-Input $size.Rows
        $per = 100000 / $size.Rows
        $baseline = Measure-Median $size.Runs $null { Import-Csv $rows | Out-Null }
        $dry = Measure-Send $size.Runs $freshStub { & $send $rows @{ WhatIf = $true } }
        Add-Result '12. Client alone, pipeline -WhatIf' "Import-Csv $($size.Rows) rows | Send-CMSubscribers -WhatIf vs | Out-Null" (Format-Time $baseline) (Format-Time $dry) ($dry.Median / $baseline.Median) '<= 1.5' ($dry.Median / $baseline.Median -le 1.5) `
            ('map and check only, nothing sent; {0}' -f (Format-Cpu $dry)) `
            'reading each PSObject row through PowerShell''s member lookup and binding it to the cmdlet cost ~0.2x before any mapping; the mapping and checks are the ~0.3x that -Path runs at 0.4x in all. -Path is the fast way.'
        $stub = Measure-Send $size.Runs $freshStub { & $send $rows @{} }
        Add-Result '12. Client alone, pipeline send' "Import-Csv $($size.Rows) rows | Send-CMSubscribers to the stub vs | Out-Null" (Format-Time $baseline) (Format-Time $stub) ($stub.Median / $baseline.Median) '<= 2.0' ($stub.Median / $baseline.Median -le 2.0) `
            ('{0}; the stub answers every import at once without reading it' -f (Format-Cpu $stub))
        $gcMet = $stub.Pause * $per -le 0.08 -and $stub.Gen1 * $per -le 10
        Add-Result '12. Client alone, pipeline GC' 'GC pauses and gen-1 collections per 100,000 rows sent' '-' ('{0:0.000} s, {1:0} gen-1' -f ($stub.Pause * $per), ($stub.Gen1 * $per)) ($stub.Pause * $per) '<= 0.08 s, <= 10 gen-1' $gcMet `
            ('{0} gen-0, {1} gen-1, {2} gen-2 collections in the run of {3} rows; rows waiting for their answer keep only their input values once their batch''s body is written' -f $stub.Gen0, $stub.Gen1, $stub.Gen2, $size.Rows) `
            'the collections are paced by Import-Csv''s own allocations (it makes most of the gen-0 collections alone), and each finds a batch of rows being gathered (about 1 kB a row until the batch is written); -Path allocates a third as much and meets it.'
        $pathDry = Measure-Send $size.Runs $freshStub { & $sendPath $rows @{ WhatIf = $true } }
        $rate = $size.Rows / $pathDry.Median
        Add-Result '12. Client alone, -Path -WhatIf' "Send-CMSubscribers -Path ($($size.Rows) rows) -WhatIf vs Import-Csv | Out-Null" (Format-Time $baseline) (Format-Time $pathDry) ($pathDry.Median / $baseline.Median) '<= 0.6, >= 600k rows/s' ($pathDry.Median / $baseline.Median -le 0.6 -and $rate -ge 600000) `
            ('{0:N0} rows/s read, mapped and checked; {1}' -f $rate, (Format-Cpu $pathDry))
        $pathStub = Measure-Send $size.Runs $freshStub { & $sendPath $rows @{} }
        Add-Result '12. Client alone, -Path send' "Send-CMSubscribers -Path ($($size.Rows) rows) to the stub vs Import-Csv | Out-Null" (Format-Time $baseline) (Format-Time $pathStub) ($pathStub.Median / $baseline.Median) 'report' $true `
            ('{0}; {1} gen-1 collections, {2:0.000} s of GC pauses' -f (Format-Cpu $pathStub), $pathStub.Gen1, $pathStub.Pause)
    }

    if (Test-Wanted 13) {
        # 13. Whole processes at the large size, against the stub: what a runbook pays, start-up included, and its
        # peak memory (a send's against Import-Csv | Out-Null's, and at the large size against the small).
        $script:latency = 0
        & $freshStub
        $child = { param($path, $action) "`$env:CM_CONFIG_DIR = '$($env:CM_CONFIG_DIR)'; Import-Module '$(Join-Path $ModulePath 'CampaignMonitor.psd1')'; $($action -f $path); [GC]::Collect(); `$self = [Diagnostics.Process]::GetCurrentProcess(); '{0} {1} {2}' -f `$self.PeakWorkingSet64, `$self.TotalProcessorTime.TotalSeconds, [Runtime.JitInfo]::GetCompilationTime().TotalSeconds" }
        $large = New-Input $size.MemoryLarge
        $small = New-Input $size.MemorySmall
        $readOnly = Measure-Process $size.LargeRuns (& $child $large "Import-Csv '{0}' | Out-Null")
        $piped = Measure-Process $size.LargeRuns (& $child $large "Import-Csv '{0}' | Send-CMSubscribers -Destination Bench -DataTemplate Bench | Out-Null")
        $direct = Measure-Process $size.LargeRuns (& $child $large "Send-CMSubscribers -Destination Bench -DataTemplate Bench -Path '{0}' | Out-Null")
        $pipedSmall = Measure-Process $size.LargeRuns (& $child $small "Import-Csv '{0}' | Send-CMSubscribers -Destination Bench -DataTemplate Bench | Out-Null")
        & $sendPath $large @{}
        $warmDirect = Measure-Median $size.LargeRuns $null { & $sendPath $large @{} }
        Add-Result '13. Whole process, pipeline' "pwsh: Import-Csv $($size.MemoryLarge) rows | Send-CMSubscribers to the stub / | Out-Null" (Format-Time $readOnly) (Format-Time $piped) ($piped.Median / $readOnly.Median) '<= 2.2' ($piped.Median / $readOnly.Median -le 2.2) `
            ('each a new pwsh process: start-up, module import and reading included. {0}; Import-Csv | Out-Null: {1}' -f (Format-ProcessCpu $piped), (Format-ProcessCpu $readOnly)) `
            'a new pwsh compiles the send''s code (the JIT time above) and runs it unoptimised at first; in a warm process the same send is scenario 12''s ratio.'
        Add-Result '13. Whole process, -Path' "pwsh: Send-CMSubscribers -Path ($($size.MemoryLarge) rows) to the stub / Import-Csv | Out-Null" (Format-Time $readOnly) (Format-Time $direct) ($direct.Median / $readOnly.Median) '<= 0.8' ($direct.Median / $readOnly.Median -le 0.8) `
            ('{0}. The same send in a process that has run it before takes {1:0.00} s (scenario 12''s measure at this size).' -f (Format-ProcessCpu $direct), $warmDirect.Median) `
            ('the cold process: compiling the send''s code (the JIT time above, with the runtime''s tiered PGO that a module cannot turn off) and running it unoptimised at first; warm, it is {0:0.00}x.' -f ($warmDirect.Median / $readOnly.Median))
        $above = ($piped.Peak - $readOnly.Peak) / 1MB
        $memoryMet = ($piped.Peak / $pipedSmall.Peak) -le 1.15 -and $above -le 50
        Add-Result '13. Client memory' "peak working set of the pipeline send: $($size.MemoryLarge) rows / $($size.MemorySmall) rows" ('{0:N0} MB' -f ($pipedSmall.Peak / 1MB)) ('{0:N0} MB' -f ($piped.Peak / 1MB)) ($piped.Peak / $pipedSmall.Peak) '<= 1.15, <= 50 MB above Import-Csv | Out-Null' $memoryMet `
            ('Import-Csv | Out-Null alone peaks at {0:N0} MB: the send adds {1:N0} MB. -Path peaks at {2:N0} MB.' -f ($readOnly.Peak / 1MB), $above, ($direct.Peak / 1MB)) `
            'what grows with the input is the set of address fingerprints that finds repeated addresses across the whole send (8 bytes a slot, 16-32 MB for a million, doubling as it grows) and the collector''s slack around it.'
    }

    if (Test-Wanted 14) {
        # 14. Latency hiding at the default -MaxConcurrency 4, 50 ms a request, against the stub: the wall time against
        # the ideal (every round of 4 batches waits 50 ms, nothing else), and the client's turnaround: from an answer
        # to the request that took its place.
        $script:latency = 50
        $rows = New-Input $size.Rows
        $run = Measure-Send $size.Runs $freshStub { & $send $rows @{} }
        $imports = @(Get-CMSandboxRequest -Path '*import.json' | Where-Object Status -EQ 201)
        $batches = [Math]::Ceiling($size.Rows / 1000)
        $rounds = [Math]::Ceiling($batches / 4)
        # Ideal: the one round trip that reads the list and its fields (any client needs it before its first import),
        # then every round of 4 imports taking exactly what the sandbox took to answer one (its median: the 50 ms of
        # latency, its timer's lateness, reading the body) - no time at all in the client.
        $answer = (@($imports.DurationMs | Sort-Object))[[int][Math]::Floor(($imports.Count - 1) / 2)] / 1000
        $ideal = ($rounds + 1) * $answer
        # The log's time is when the answer started; a request began DurationMs before it.
        $starts = @($imports | ForEach-Object { $_.Time.AddMilliseconds(-$_.DurationMs) } | Sort-Object)
        $ends = @($imports | ForEach-Object { $_.Time } | Sort-Object)
        $turnaround = @(for ($i = 4; $i -lt $starts.Count; $i++) { [Math]::Max(0, ($starts[$i] - $ends[$i - 4]).TotalMilliseconds) }) | Sort-Object
        $p50 = if ($turnaround) { $turnaround[[int][Math]::Floor(($turnaround.Count - 1) * 0.5)] } else { 0 }
        $p90 = if ($turnaround) { $turnaround[[int][Math]::Floor(($turnaround.Count - 1) * 0.9)] } else { 0 }
        $ratio = $run.Median / $ideal
        Add-Result '14. Latency, stub' "$($size.Rows) rows, 50 ms, MaxConcurrency 4: wall / ideal" ('{0:0.000} s ideal' -f $ideal) (Format-Time $run) $ratio '<= 1.10, turnaround p90 <= 5 ms' ($ratio -le 1.10 -and $p90 -le 5) `
            ('ideal = (1 + {0} rounds of 4 batches) x {4:0.0} ms, the sandbox''s median answer time (50 ms alone would give {5:0.000} s, {6:0.00}x). Turnaround from an answer to the next request: median {1:0.0} ms, 90th percentile {2:0.0} ms. {3}' -f $rounds, $p50, $p90, (Format-Cpu $run), ($answer * 1000), ($rounds * 0.05), ($run.Median / ($rounds * 0.05)))
        $script:latency = 0
    }

    if (Test-Wanted 15) {
        # 15. The sandbox's own memory: the large input imported for real (through -Path, the quickest client), then
        # weighed after a full collection; then a reset, weighed again.
        $script:latency = 0
        & $fresh
        $large = New-Input $size.MemoryLarge
        Send-CMSubscribers -Destination Bench -DataTemplate Bench -Path $large | Out-Null
        $full = Invoke-SandboxControl memory
        Reset-CMSandbox -Confirm:$false
        $empty = Invoke-SandboxControl memory
        # What the subscribers take: the managed heap with them, less the empty sandbox's (after the reset).
        $perSubscriber = ($full.ManagedBytes - $empty.ManagedBytes) / $size.MemoryLarge
        $limit = 450MB / 1000000
        Add-Result '15. Sandbox memory' "$($size.MemoryLarge) subscribers (8 columns) held by the sandbox, after a full collection" '-' ('{0:N0} MB managed, {1:N0} bytes a subscriber' -f ($full.ManagedBytes / 1MB), $perSubscriber) ($perSubscriber * 1000000 / 1MB) '<= 450 MB for 1M (472 bytes a subscriber), given back on reset' ($perSubscriber -le $limit -and $empty.ManagedBytes -le 0.1 * $full.ManagedBytes) `
            ('The ratio is MB for a million at this size. Working set {0:N0} MB (peak {1:N0} MB): the collector keeps memory it freed during the import. After Reset-CMSandbox: {2:N0} MB managed, working set {3:N0} MB.' -f ($full.WorkingSetBytes / 1MB), ($full.PeakWorkingSetBytes / 1MB), ($empty.ManagedBytes / 1MB), ($empty.WorkingSetBytes / 1MB))
    }

    if (Test-Wanted 16) {
        # 16. Readers over a real network: what compression saves on one page of 1000 subscribers.
        Reset-CMSandbox -Confirm:$false
        $seeded = Add-CMSandboxData -ListName 'Compressed' -Active 1000
        $handler = [System.Net.Http.SocketsHttpHandler]::new()
        $handler.AutomaticDecompression = [System.Net.DecompressionMethods]::None
        $http = [System.Net.Http.HttpClient]::new($handler)
        $http.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Basic', [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${apiKey}:x")))
        $page = "$($sandbox.BaseUri)lists/$($seeded.ListId)/active.json?page=1&pagesize=1000&includetrackingpreference=true"
        $sizes = [ordered]@{}
        foreach ($encoding in 'identity', 'gzip', 'br') {
            $request = [System.Net.Http.HttpRequestMessage]::new('GET', $page)
            $request.Headers.AcceptEncoding.ParseAdd($encoding)
            $response = $http.Send($request)
            $sizes[$encoding] = [pscustomobject]@{ Bytes = $response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult().Length; Encoding = ($response.Content.Headers.ContentEncoding -join ',') }
        }
        $http.Dispose()
        $saved = 1 - $sizes['br'].Bytes / $sizes['identity'].Bytes
        Add-Result '16. Readers, compressed' 'bytes of one page of 1000 subscribers: brotli / uncompressed' ('{0:N0} bytes' -f $sizes['identity'].Bytes) ('{0:N0} bytes' -f $sizes['br'].Bytes) ($sizes['br'].Bytes / $sizes['identity'].Bytes) 'report' ($sizes['br'].Encoding -eq 'br' -and $sizes['gzip'].Encoding -eq 'gzip') `
            ('gzip: {0:N0} bytes. The module asks for gzip, deflate and br on every request; compression saves {1:P0} of a page, {2:0.0} ms of transfer at 10 Mbit/s.' -f $sizes['gzip'].Bytes, $saved, (($sizes['identity'].Bytes - $sizes['br'].Bytes) * 8 / 10e6 * 1000))
    }

    if (Test-Wanted 8) {
        # 8. Starting a sandbox: a child pwsh that loads ASP.NET Core and listens, against a child pwsh that exits.
        $bare = Measure-Median $size.ProcessRuns $null { & $pwshCommand[0] $pwshCommand[1] -NoProfile -NonInteractive -Command 'exit' }
        $started = Measure-Median $size.ProcessRuns $null { $another = Start-CMSandbox; Stop-CMSandbox -Sandbox $another }
        Add-Result '8. Sandbox start' "Start-CMSandbox and Stop-CMSandbox / pwsh -c 'exit'" (Format-Time $bare) (Format-Time $started) ($started.Median / $bare.Median) 'report' $true `
            'The sandbox runs in a child of the same pwsh, on its .NET; the rest of the time is loading ASP.NET Core and starting Kestrel.'
    }
}
finally {
    Stop-CMSandbox
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

New-Item -ItemType Directory -Force -Path $OutputPath | Out-Null
$machine = "$([Environment]::ProcessorCount) cores, $([Runtime.InteropServices.RuntimeInformation]::OSDescription), .NET $([Environment]::Version), PowerShell $($PSVersionTable.PSVersion)"
[pscustomobject]@{ Date = (Get-Date).ToString('s'); Quick = [bool]$Quick; Machine = $machine; Results = $results } |
    ConvertTo-Json -Depth 4 | Set-Content (Join-Path $OutputPath 'results.json')
$md = @(
    "# Benchmark results$(if ($Quick) { ' (quick sizes)' })", '',
    "Run $(Get-Date -Format 'yyyy-MM-dd HH:mm') on $machine, with ``build.ps1 Bench$(if ($Quick) { ' -Quick' })``.",
    'Times are the median of the runs, with the fastest and slowest in brackets; every ratio compares two things measured in this run.', '',
    '| Scenario | Measure | Baseline | Module | Ratio | Target | Met | Note |', '|---|---|---|---|---|---|---|---|'
) + ($results | ForEach-Object { "| $($_.Scenario) | $($_.Metric) | $($_.Baseline) | $($_.Module) | $($_.Ratio) | $($_.Target) | $(if ($_.Met) { 'yes' } else { '**no**' }) | $($_.Note) |" })
$md | Set-Content (Join-Path $OutputPath 'results.md')
Write-Host "Results written to $OutputPath"
