# Send-CMSubscribers -Path: the module reads the CSV files itself, with the same result as Import-Csv | Send-CMSubscribers
# to the byte (bodies on the wire, rejects, reject file, result), and rejects with its line what Import-Csv misreads.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-CMTestManifestPath) -Force
    $script:Sandbox = Enter-CMTestSandbox -Name 'path'
    $script:Folder = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "cm-path-$([guid]::NewGuid())")).FullName
    Add-CMDestination -Name Files -Credential Sandbox -ListName 'Files' | Out-Null
    Add-CMHostileTemplate -Destination Files

    # One send as the sandbox saw it and the module reported it: import bodies (in order of their first row), errors,
    # the reject file's bytes and the result (less what differs from run to run).
    function Invoke-Send([scriptblock] $Send, [string] $RejectPath) {
        Reset-CMSandbox -Confirm:$false
        Invoke-CMSandboxControl -Sandbox $Sandbox -Path mode -Method PUT -Body @{ KeepBodies = $true } | Out-Null
        $errors = $null
        $stop = $null
        $result = try { & $Send $RejectPath -ErrorVariable +errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue } catch { $stop = $_ }
        $bodies = Invoke-CMSandboxControl -Sandbox $Sandbox -Path bodies
        [pscustomobject]@{
            Bodies = @($bodies | Sort-Object -Culture '') # batches go out concurrently: compared as a set
            Errors = @($errors + $stop | Where-Object { $_ } | ForEach-Object { '{0} | {1} | {2}' -f $_.FullyQualifiedErrorId, ($_.TargetObject | ConvertTo-Json -Compress -Depth 3), $_.Exception.Message })
            RejectFile = if (Test-Path $RejectPath) { [IO.File]::ReadAllText($RejectPath) -replace [regex]::Escape($RejectPath), '<reject file>' } else { '<none>' }
            Result = if ($result) { $result | Select-Object * -ExcludeProperty Duration, ListId, RejectPath | ConvertTo-Json -Depth 4 -Compress } else { '<none>' }
        }
    }

    # Import-Csv | Send-CMSubscribers against Send-CMSubscribers -Path, for the same file and options: every part equal.
    function Assert-SameAsImportCsv([string[]] $Path, [hashtable] $Read = @{}, [hashtable] $Options = @{ DataTemplate = 'Crm' }) {
        $piped = Invoke-Send { param($rejects) Import-Csv -Path $Path @Read | Send-CMSubscribers -Destination Files @Options -RejectPath $rejects @args } (Join-Path $Folder 'piped.rejects.csv')
        $direct = Invoke-Send { param($rejects) Send-CMSubscribers -Destination Files @Options -Path $Path @Read -RejectPath $rejects @args } (Join-Path $Folder 'direct.rejects.csv')
        $direct.Result | Should -Be $piped.Result
        $direct.Errors -join "`n" | Should -Be ($piped.Errors -join "`n")
        $direct.RejectFile -replace 'direct\.rejects', 'piped.rejects' | Should -Be $piped.RejectFile
        $direct.Bodies.Count | Should -Be $piped.Bodies.Count
        for ($i = 0; $i -lt $piped.Bodies.Count; $i++) { $direct.Bodies[$i] | Should -BeExactly $piped.Bodies[$i] }
        $piped
    }
}

AfterAll {
    Exit-CMTestSandbox -Sandbox $Sandbox
    Remove-Item $Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Send-CMSubscribers -Path: the same send as Import-Csv | Send-CMSubscribers' {
    It 'the hostile corpus, written as CSV: <Name>' -ForEach @(& (Join-Path $PSScriptRoot 'assets/HostileInputs.ps1') | Where-Object { -not $_.Culture }) {
        $row = { param([hashtable] $extra) $values = [ordered]@{ Email = 'hostile@example.com' }; foreach ($k in $extra.Keys) { $values[$k] = $extra[$k] }; [pscustomobject]$values }
        $file = Join-Path $Folder 'corpus.csv'
        $rows = @(& $Rows | Where-Object { $null -ne $_ })
        if ($rows.Count -eq 0) { Set-Content $file 'Email' } else { $rows | Export-Csv $file -NoTypeInformation }
        $options = if ($Template -eq 'none') { @{} } else { @{ DataTemplate = 'Crm' } }
        $piped = Assert-SameAsImportCsv -Path $file -Options $options
        if ((Get-Content $file -TotalCount 1) -match 'Email') { $piped.Result | Should -Not -Be '<none>' -Because 'a CSV with an Email column is sent, not stopped' }
    }

    It 'a CSV that <Name>' -ForEach @(
        @{ Name = 'has a byte order mark'; Text = "Email,Name`r`nbom@example.com,Zoë`r`n"; Encoding = 'utf8BOM' }
        @{ Name = 'is UTF-16'; Text = "Email,Name`r`nu16@example.com,Łukasz`r`n"; Encoding = 'unicode' }
        @{ Name = 'is Latin-1, read with -Encoding latin1'; Text = "Email,Name`njorg@example.com,Jörg`n"; Encoding = 'latin1'; Read = @{ Encoding = 'latin1' } }
        @{ Name = 'is Latin-1, read as UTF-8'; Text = "Email,Name`nj" + [char]0xE4 + "rg@example.com,x`n"; Encoding = 'latin1' }
        @{ Name = 'mixes CRLF, LF and CR'; Text = "Email,Name`r`nm1@example.com,A`nm2@example.com,B`rm3@example.com,C" }
        @{ Name = 'has a quoted newline, quote and delimiter in a name'; Text = "Email,Name`n""q@example.com"",""Ann """"The Hat"""",`r`nSmith""`n" }
        @{ Name = 'has blank and whitespace-only lines'; Text = "Email,Name`n`na@example.com,A`n   `n`t`nb@example.com,B`n`n" }
        @{ Name = 'starts with #TYPE and a comment line'; Text = "#TYPE Customer`n#exported by the CRM`nEmail,Name`nt@example.com,T`n" }
        @{ Name = 'has blanks around values and quotes'; Text = "Email,Name,Zip`n  w1@example.com ,  ""Quoted""  , 123  `n""w2@example.com"" x,Bob  Smith  ,""1""2`n" }
        @{ Name = 'ends rows with a trailing delimiter'; Text = "Email,Name,`ntr1@example.com,A,`ntr2@example.com,B," }
        @{ Name = 'has short rows'; Text = "Email,Name,Zip,Tier`ns1@example.com,S`ns2@example.com`n" }
        @{ Name = 'has a column with no name'; Text = "Email,,Name`nh@example.com,x,H`n" }
        @{ Name = 'has duplicates, bad addresses and bad values'; Text = "Email,Name,Tier,Points`nd@example.com,A,Gold,1`nD@EXAMPLE.com,B,Silver,2`nnot-an-address,C,,`nv@example.com,V,Platinum,x`n" }
        @{ Name = 'is semicolon-separated'; Text = "Email;Name;Points`nsc@example.com;""Semi; Colon"";3,5`n"; Read = @{ Delimiter = ';' } }
        @{ Name = 'is tab-separated'; Text = "Email`tName`ntab@example.com`t Lead`n"; Read = @{ Delimiter = "`t" } }
        @{ Name = 'ends without a newline after an empty value'; Text = "Email,Name`nend@example.com," }
        @{ Name = 'has a W3C #Fields header'; Text = "#Software: x`n#Fields: Email Name`nw3c@example.com Web`n"; Read = @{ Delimiter = ' ' } }
    ) {
        $file = Join-Path $Folder 'case.csv'
        $encoding = switch ($Encoding) { 'utf8BOM' { [Text.UTF8Encoding]::new($true) } 'unicode' { [Text.UnicodeEncoding]::new($false, $true) } 'latin1' { [Text.Encoding]::Latin1 } default { [Text.UTF8Encoding]::new($false) } }
        [IO.File]::WriteAllText($file, $Text, $encoding)
        $piped = Assert-SameAsImportCsv -Path $file -Read ($Read ?? @{})
        $piped.Result | Should -Not -Be '<none>'
    }

    It 'several files, each with its own header (one with none of the rows), numbered across the files' {
        Set-Content (Join-Path $Folder 'm1.csv') "Email,Name`nm1@example.com,One`nbad,Two"
        Set-Content (Join-Path $Folder 'm2.csv') "Name,Zip,Email"
        Set-Content (Join-Path $Folder 'm3.csv') "Name,Zip,Email`nThree,300,m3@example.com`nFour,400,also-bad"
        $piped = Assert-SameAsImportCsv -Path (Join-Path $Folder 'm1.csv'), (Join-Path $Folder 'm2.csv'), (Join-Path $Folder 'm3.csv')
        ($piped.Result | ConvertFrom-Json).Rejects.RowNumber | Should -Be 2, 4
    }

    It 'the demo CSV, sent by convention (3,000 rows, 3 batches)' {
        $demo = Join-Path $PSScriptRoot '../../examples/customers.csv'
        $piped = Assert-SameAsImportCsv -Path $demo -Options @{}
        $piped.Bodies.Count | Should -Be 3
    }

    It 'the demo CSV through a template that rejects some of its values' {
        $demo = Join-Path $PSScriptRoot '../../examples/customers.csv'
        Add-CMDataTemplate -Name Demo -Destination Files -ConsentToTrack Yes -Force -Mapping ([ordered]@{
                Email = 'EmailAddress'; Name = 'Name'; Zip = 'Zip'; Consent = 'ConsentToTrack'
                Tier = @{ Field = 'Tier'; Type = 'MultiSelectOne'; Options = 'Gold', 'Silver' }
                Interests = @{ Field = 'Interests'; Type = 'MultiSelectMany'; Options = 'Books', 'Music'; Separator = ';' }
                Joined = @{ Field = 'Joined'; Type = 'Date' }; Points = @{ Field = 'Points'; Type = 'Number' }
            }) | Out-Null
        $piped = Assert-SameAsImportCsv -Path $demo -Options @{ DataTemplate = 'Demo' }
        ($piped.Result | ConvertFrom-Json).Rejected | Should -BeGreaterThan 0
    }
}

Describe 'Send-CMSubscribers -Path: what Import-Csv would misread is rejected with its line' {
    It 'a quote never closed rejects its row (line and column named); the lines after it are still sent' {
        $file = Join-Path $Folder 'unclosed.csv'
        Set-Content $file "Email,Name,Zip`nok1@example.com,One,1`nbroken@example.com,""Smith, John,2`nok2@example.com,Two,3`nok3@example.com,Three,4"
        $rejects = Join-Path $Folder 'unclosed.rejects.csv'
        Reset-CMSandbox -Confirm:$false
        $result = Send-CMSubscribers -Destination Files -Path $file -RejectPath $rejects -WarningAction SilentlyContinue
        Assert-CMAccounting $result
        $result.New | Should -Be 3
        $result.Rejects.Code | Should -Be 'MalformedCsv'
        $result.Rejects.RowNumber | Should -Be 2
        $result.Rejects.Column | Should -Be 'Name'
        $result.Rejects.Reason | Should -Match "line 3 of '.*unclosed\.csv' opens a quote in column 'Name' that is never closed: Import-Csv would read lines 3-5 as one value"
        Import-Csv $rejects | Select-Object -ExpandProperty Email | Should -Be 'broken@example.com'
        (Import-Csv $file).Count | Should -Be 2 -Because 'Import-Csv swallows the rest of the file into one value'
    }

    It 'a row with more values than the header is rejected; an empty trailing value is not' {
        $file = Join-Path $Folder 'extra.csv'
        Set-Content $file "Email,Name`nx1@example.com,Smith, John`nx2@example.com,Two,`nx3@example.com,Three"
        Reset-CMSandbox -Confirm:$false
        $result = Send-CMSubscribers -Destination Files -Path $file -ErrorAction SilentlyContinue
        $result.New | Should -Be 2
        $result.Rejects.RowNumber | Should -Be 1
        $result.Rejects.Reason | Should -Match "line 2 of .* has 3 values where the header has 2 columns"
    }

    It 'a header naming a column twice stops the send before anything is sent, as Import-Csv does' {
        $file = Join-Path $Folder 'twice.csv'
        Set-Content $file "Email,Name,email`na@example.com,A,b@example.com"
        Reset-CMSandbox -Confirm:$false
        { Send-CMSubscribers -Destination Files -Path $file -ErrorAction Stop } | Should -Throw -ErrorId 'CsvUnreadable,*' -ExpectedMessage "*names a column 'email' twice (columns 1 and 3*"
        Get-CMSandboxRequest | Should -BeNullOrEmpty
    }

    It 'a file that does not exist stops the send before anything is sent, naming it' {
        Reset-CMSandbox -Confirm:$false
        { Send-CMSubscribers -Destination Files -Path (Join-Path $Folder 'nowhere.csv') -ErrorAction Stop } | Should -Throw -ErrorId 'PathNotFound,*' -ExpectedMessage '*nowhere.csv*'
        Get-CMSandboxRequest | Should -BeNullOrEmpty
    }

    It 'a file that goes away in the middle of the send ends it with one error naming the file, no .NET trace' {
        $first = Join-Path $Folder 'gone1.csv'
        $second = Join-Path $Folder 'gone2.csv'
        Set-Content $first (@('Email') + (1..2000 | ForEach-Object { "gone$_@example.com" }))
        Set-Content $second "Email`nlast@example.com"
        Reset-CMSandbox -Confirm:$false
        Set-CMSandboxFault -LatencyMs 200 -PathContains 'import'
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$(Get-CMTestManifestPath)'; `$env:CM_CONFIG_DIR = '$($env:CM_CONFIG_DIR)'
                try { Send-CMSubscribers -Destination Files -Path '$first', '$second' -BatchSize 100 -MaxConcurrency 1 -WarningAction SilentlyContinue -ErrorAction Stop; 'no error' }
                catch { `$_.FullyQualifiedErrorId; `$_.TargetObject; `$_.Exception.GetType().FullName; `$_.Exception.Message }")
            $running = $shell.BeginInvoke()
            $deadline = (Get-Date).AddSeconds(30)
            while (@(Get-CMSandboxRequest -Path '*import.json').Count -lt 1 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 20 }
            Remove-Item $second
            $said = @($shell.EndInvoke($running))
        }
        finally { $shell.Dispose(); Set-CMSandboxFault }
        $said[0] | Should -BeLike 'ResourceUnavailable,*'
        $said[1] | Should -Be $second
        $said[2] | Should -Be 'System.IO.FileNotFoundException'
        $said[3] | Should -BeLike "*gone2.csv*"
    }

    It '-Path and pipeline input together are refused' {
        $file = Join-Path $Folder 'both.csv'
        Set-Content $file "Email`nboth@example.com"
        { [pscustomobject]@{ Email = 'p@example.com' } | Send-CMSubscribers -Destination Files -Path $file -ErrorAction Stop } | Should -Throw -ErrorId 'PathWithPipelineInput,*'
    }

    It 'wildcards name the files, read in order; -WhatIf reads and checks them, sends nothing' {
        $dir = New-Item -ItemType Directory -Force -Path (Join-Path $Folder 'many')
        Set-Content (Join-Path $dir 'a.csv') "Email`nwa@example.com"
        Set-Content (Join-Path $dir 'b.csv') "Email`nwb@example.com`nbad"
        Reset-CMSandbox -Confirm:$false
        $result = Send-CMSubscribers -Destination Files -Path (Join-Path $dir '*.csv') -WhatIf -ErrorAction SilentlyContinue
        $result.WouldSend | Should -Be 2
        $result.Rejects.RowNumber | Should -Be 3
        Get-CMSandboxRequest | Where-Object Method -NE 'GET' | Should -BeNullOrEmpty
    }

    It 'an -Incremental state written by the pipeline path holds the -Path rows as unchanged (the same fingerprints)' {
        $file = Join-Path $Folder 'incremental.csv'
        $lines = @('Email,Name,Zip') + (1..50 | ForEach-Object { "inc$_@example.com,Name $_,$_" })
        Set-Content $file $lines
        Reset-CMSandbox -Confirm:$false
        $first = Import-Csv $file | Send-CMSubscribers -Destination Files -DataTemplate Crm -Incremental
        $first.New | Should -Be 50
        $second = Send-CMSubscribers -Destination Files -DataTemplate Crm -Incremental -Path $file
        $second.Unchanged | Should -Be 50
    }
}

Describe 'The -Path reader reads what Import-Csv reads' {
    It 'random texts of delimiters, quotes, blanks, line breaks and #: the same rows wherever neither reports a problem' {
        $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'CampaignMonitor.Core' }
        $type = $core.GetType('CampaignMonitor.Core.Send.Csv.CsvRowSource', $true)
        $alphabet = @('a', 'b', ' ', "`t", '"', ',', ',', "`n", "`r`n", "`r", '#', 'x', 'a', 'b', ' ', "`n")
        $random = [Random]::new(20261130)
        $file = Join-Path $Folder 'fuzz.csv'
        $compared = 0
        $show = { param($t) $t -replace "`r", '\r' -replace "`n", '\n' -replace "`t", '\t' }
        for ($n = 0; $n -lt 1500; $n++) {
            $text = -join (1..$random.Next(1, 40) | ForEach-Object { $alphabet[$random.Next($alphabet.Count)] })
            [IO.File]::WriteAllText($file, $text)
            $expected = try { @(Import-Csv $file -WarningAction SilentlyContinue -ErrorAction Stop | ForEach-Object { ($_.psobject.Properties | ForEach-Object { "$($_.Name)=$($_.Value ?? '<null>')" }) -join '|' }) } catch { 'error' }
            $actual = try {
                $source = [Activator]::CreateInstance($type, [Reflection.BindingFlags]'Public,NonPublic,Instance', $null, @([string[]]@($file), [char]',', [Text.UTF8Encoding]::new($false)), $null)
                try {
                    @(while ($source.MoveNext()) {
                            $values = $source.Values($source.Columns)
                            if ($null -ne $values.Problem) { 'problem' }
                            (0..($source.Columns.Count - 1) | ForEach-Object { "$($source.Columns[$_])=$($values[$_] ?? '<null>')" }) -join '|'
                        })
                }
                finally { $source.Dispose() }
            }
            catch { if ($_.Exception.InnerException.Message -match 'never closed') { 'problem' } else { 'error' } }
            if ($actual -contains 'problem') { continue }
            $compared++
            ($actual -join '##') | Should -BeExactly ($expected -join '##') -Because "the file [$(& $show $text)] reads as [$(& $show ($expected -join '##'))] with Import-Csv"
        }
        $compared | Should -BeGreaterThan 500
    }
}
