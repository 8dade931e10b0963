BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'Start-CMSandbox in a fresh session' {
    It 'starts, serves the API with its key and client ID, never shows the key, and stops' {
        $result = Invoke-CMFreshPwsh -Script @'
Import-Module $Manifest
$sandbox = Start-CMSandbox -ClientId 'c0ffee00c0ffee00c0ffee00c0ffee00' -ApiKey (ConvertTo-SecureString 'pester-sandbox-key-42' -AsPlainText -Force)
"type=$($sandbox.GetType().FullName) keytype=$($sandbox.ApiKey.GetType().Name) uri=$($sandbox.BaseUri)"
$sandbox | Format-List * | Out-String
$sandbox | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
"cmdline=" + ((Get-Content "/proc/$($sandbox.ProcessId)/cmdline" -Raw) -replace "`0", ' ')
$env:CM_API_KEY = [System.Net.NetworkCredential]::new('', $sandbox.ApiKey).Password
$env:CM_CLIENT_ID = $sandbox.ClientId
$env:CM_BASE_URI = $sandbox.BaseUri
"works=$(Test-CMCredential env)"
$env:CM_API_KEY = 'wrong-key-000000'
$denied = Test-CMCredential env -WarningVariable deniedWhy -WarningAction SilentlyContinue
"denied=$denied why=$deniedWhy"
$sandbox | Stop-CMSandbox
Start-Sleep -Milliseconds 300
"running=$($sandbox.Running) alive=$([bool](Get-Process -Id $sandbox.ProcessId -ErrorAction SilentlyContinue))"
'@
        $result.Output | Should -Match 'type=CampaignMonitor\.Sandbox keytype=SecureString uri=http://127\.0\.0\.1:\d+/api/v3\.3/'
        $result.Output | Should -Match 'works=True'
        $result.Output | Should -Match 'denied=False why=.*refused the API key'
        # Run by this same PowerShell (here: dotnet with pwsh.dll), never by a dotnet of its own finding.
        $result.Output | Should -Match "cmdline=$([regex]::Escape((Get-Process -Id $PID).Path)) $([regex]::Escape((Join-Path $PSHOME 'pwsh.dll'))) -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -File \S+Start-Sandbox\.ps1 --port 0 --client-id c0ffee00c0ffee00c0ffee00c0ffee00 --api-key-stdin"
        $result.Output | Should -Match 'running=False alive=False'
        # The key was shown nowhere: not in Format-List, ConvertTo-Json or the child's command line.
        ($result.Output -split "`n" | Where-Object { $_ -match 'pester-sandbox-key-42' }) | Should -BeNullOrEmpty
    }

    It 'is stopped with the module, and exits by itself when its session ends' {
        $result = Invoke-CMFreshPwsh -Script @'
Import-Module $Manifest
$first = Start-CMSandbox
$second = Start-CMSandbox
Remove-Module CampaignMonitor
Start-Sleep -Milliseconds 300
"afterRemove=$([bool](Get-Process -Id $first.ProcessId -ErrorAction SilentlyContinue)),$([bool](Get-Process -Id $second.ProcessId -ErrorAction SilentlyContinue))"
Import-Module $Manifest
$orphan = Start-CMSandbox
"orphan=$($orphan.ProcessId)"
'@
        $result.Output | Should -Match 'afterRemove=False,False'
        # The session has ended (and its output was collected: the sandbox held none of its pipes).
        $orphanId = [int]([regex]::Match($result.Output, 'orphan=(\d+)').Groups[1].Value)
        $deadline = (Get-Date).AddSeconds(10)
        while ((Get-Process -Id $orphanId -ErrorAction SilentlyContinue) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 200 }
        Get-Process -Id $orphanId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Sandbox controls' {
    It 'injects faults, logs requests, seeds data and resets' {
        $result = Invoke-CMFreshPwsh -Script @'
Import-Module $Manifest
$sandbox = Start-CMSandbox
$env:CM_API_KEY = [System.Net.NetworkCredential]::new('', $sandbox.ApiKey).Password
$env:CM_CLIENT_ID = $sandbox.ClientId
$env:CM_BASE_URI = $sandbox.BaseUri
$data = Add-CMSandboxData -ListName News -Active 1500 -Unsubscribed 7 -Campaigns 2 -Subscriber @{ EmailAddress = 'gone@example.com'; State = 'Bounced' }
"added=$($data.Added['Active']),$($data.Added['Unsubscribed']),$($data.Added['Bounced']) campaigns=$($data.CampaignIds.Count)"
Test-CMCredential env -Verbose 4>&1 | Where-Object { $_ -match 'list\(s\)' } | ForEach-Object { "verbose=$_" }
Set-CMSandboxFault -ErrorRate 1
$failed = Test-CMCredential env -WarningVariable failedWhy -WarningAction SilentlyContinue
"failed=$failed why=$failedWhy"
$log = Get-CMSandboxRequest -Path '*lists.json'
"logged=$($log.Count) faults=$(($log.Fault | Sort-Object -Unique) -join '/') statuses=$(($log.Status | Sort-Object -Unique) -join '/')"
Set-CMSandboxFault
"cleared=$(Test-CMCredential env)"
try { Set-CMSandboxFault -ErrorRate 2 } catch { "badRate=$($_.FullyQualifiedErrorId)" }
try { Add-CMSandboxData -ListName News -Subscriber @{ EmailAddress = 'x@example.com'; State = 'Sleeping' } } catch { "badState=$($_.Exception.Message) id=$($_.FullyQualifiedErrorId)" }
Reset-CMSandbox -Confirm:$false
Test-CMCredential env -Verbose 4>&1 | Where-Object { $_ -match 'list\(s\)' } | ForEach-Object { "afterReset=$_" }
"requestsAfterReset=$(@(Get-CMSandboxRequest).Count)"
Stop-CMSandbox
try { Get-CMSandboxRequest } catch { "none=$($_.FullyQualifiedErrorId)" }
'@
        $result.Output | Should -Match 'added=1500,7,1 campaigns=2'
        $result.Output | Should -Match 'verbose=.*has 1 list\(s\)'
        $result.Output | Should -Match 'failed=False why=.*kept failing'
        $result.Output | Should -Match 'logged=3 faults=/500 statuses=200/500'
        $result.Output | Should -Match 'cleared=True'
        $result.Output | Should -Match 'badRate=ParameterArgumentValidationError,'
        $result.Output | Should -Match "badState=The sandbox refused the request \(HTTP 400\): 'Sleeping' is not a subscriber state .* id=SandboxRequestFailed,"
        $result.Output | Should -Match 'afterReset=.*has 0 list\(s\)'
        $result.Output | Should -Match 'requestsAfterReset=1'
        $result.Output | Should -Match 'none=NoSandbox,'
    }
}
