# The hostile input corpus: each case is input a user might really pipe in, and what must become of it.
# Expect: counts of the result (New, Duplicates, Rejected, Received) and reject codes; or Stops: the id of the one
# terminating error that stops the send before any API call. Never an unhandled exception, never a lost row.
# Rows: a scriptblock that writes the input; it runs with $Folder (a temporary folder) and $row (a scriptblock
# making one good row, with the columns given replaced) defined.
# Template: 'Crm' maps Email, Name, Zip (Text), Tier (MultiSelectOne Gold/Silver), Joined (Date), Points (Number),
# Consent (ConsentToTrack), Likes (MultiSelectMany Books/Music, ';'); 'none' sends by convention.
@(
    @{ Name = 'empty input'; Rows = { @() }; Expect = @{ Received = 0 } }
    @{ Name = 'header-only CSV'; Rows = { Set-Content "$Folder/h.csv" 'Email,Name'; Import-Csv "$Folder/h.csv" }; Expect = @{ Received = 0 } }
    @{ Name = 'no email column'; Rows = { [pscustomobject]@{ Mail = 'a@example.com' } }; Stops = 'NoEmailColumn' }
    @{ Name = 'no email column, conventions'; Template = 'none'; Rows = { [pscustomobject]@{ Address = 'a@example.com' } }; Stops = 'NoEmailColumn' }
    @{ Name = 'strings piped instead of objects (Get-Content emails.txt)'; Rows = { 'a@example.com', 'b@example.com' }; Expect = @{ New = 2 } }
    @{ Name = 'strings piped, conventions'; Template = 'none'; Rows = { 'c@example.com', 'not an address' }; Expect = @{ New = 1; Rejected = 1; Codes = 'InvalidEmail' } }
    @{ Name = 'a cp1252 file read as UTF-8'; Rows = { [IO.File]::WriteAllBytes("$Folder/1252.csv", [byte[]](0x45, 0x6D, 0x61, 0x69, 0x6C, 0x0D, 0x0A, 0x6A, 0xE4, 0x72, 0x67, 0x40, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 0x2E, 0x64, 0x65, 0x0D, 0x0A)); Import-Csv "$Folder/1252.csv" -Encoding utf8 }; Expect = @{ Rejected = 1; Codes = 'WrongEncoding' } }
    @{ Name = 'an unmapped property whose getter throws (Get-Process)'; Rows = { $o = [pscustomobject]@{ Email = 'getter@example.com' }; $o | Add-Member -MemberType ScriptProperty -Name Broken -Value { throw 'no access' }; $o }; Expect = @{ New = 1 } }
    @{ Name = 'a mapped property whose getter throws'; Rows = { $o = [pscustomobject]@{ Email = 'getter@example.com' }; $o | Add-Member -MemberType ScriptProperty -Name Zip -Value { throw 'no access' }; $o; & $row @{ Email = 'fine@example.com' } }; Expect = @{ New = 1; Rejected = 1; Codes = 'UnreadableValue' } }
    @{ Name = 'UTF-8 with BOM'; Rows = { [IO.File]::WriteAllText("$Folder/bom.csv", "Email,Name`r`nbom1@example.com,Zoë`r`nbom2@example.com,Ærø`r`n", [Text.UTF8Encoding]::new($true)); Import-Csv "$Folder/bom.csv" }; Expect = @{ New = 2 } }
    @{ Name = 'UTF-16 file'; Rows = { [IO.File]::WriteAllText("$Folder/u16.csv", "Email,Name`r`nu1@example.com,Łukasz`r`nu2@example.com,Þór`r`n", [Text.UnicodeEncoding]::new($false, $true)); Import-Csv "$Folder/u16.csv" }; Expect = @{ New = 2 } }
    @{ Name = 'CRLF and LF mixed'; Rows = { [IO.File]::WriteAllText("$Folder/mix.csv", "Email,Name`r`nm1@example.com,A`nm2@example.com,B`r`nm3@example.com,C`n"); Import-Csv "$Folder/mix.csv" }; Expect = @{ New = 3 } }
    @{ Name = 'emoji in a name'; Rows = { & $row @{ Name = 'Ana 🎉🚀 Lima' } }; Expect = @{ New = 1 } }
    @{ Name = 'right-to-left name'; Rows = { & $row @{ Name = 'سارة كوهين שרה' } }; Expect = @{ New = 1 } }
    @{ Name = 'control characters in a name'; Rows = { & $row @{ Name = "Bell`a and`ttab" } }; Expect = @{ New = 1 } }
    @{ Name = 'control character in an email'; Rows = { & $row @{ Email = "ctl`a@example.com" } }; Expect = @{ Rejected = 1; Codes = 'InvalidEmail' } }
    @{ Name = 'a 10 MB field'; Rows = { & $row @{ Zip = 'z' * 10MB } }; Expect = @{ Rejected = 1; Codes = 'TooLong' } }
    @{ Name = 'a value of 250 characters'; Rows = { & $row @{ Zip = 'z' * 250 } }; Expect = @{ New = 1 } }
    @{ Name = 'a value of 251 characters'; Rows = { & $row @{ Zip = 'z' * 251 } }; Expect = @{ Rejected = 1; Codes = 'TooLong' } }
    @{ Name = 'a name of 251 characters'; Rows = { & $row @{ Name = 'n' * 251 } }; Expect = @{ Rejected = 1; Codes = 'TooLong' } }
    @{ Name = 'emails differing only in case'; Rows = { & $row @{ Email = 'Case@Example.com' }; & $row @{ Email = 'case@EXAMPLE.com' } }; Expect = @{ New = 1; Duplicates = 1 } }
    @{ Name = 'email with spaces around'; Rows = { & $row @{ Email = '  spaced@example.com  ' } }; Expect = @{ New = 1 } }
    @{ Name = 'email without a domain dot'; Rows = { & $row @{ Email = 'a@b' } }; Expect = @{ Rejected = 1; Codes = 'InvalidEmail' } }
    @{ Name = 'email with a display name'; Rows = { & $row @{ Email = 'Ann <ann@example.com>' } }; Expect = @{ Rejected = 1; Codes = 'InvalidEmail' } }
    @{ Name = 'two @ signs'; Rows = { & $row @{ Email = 'a@b@example.com' } }; Expect = @{ Rejected = 1; Codes = 'InvalidEmail' } }
    @{ Name = 'an email of 255 characters'; Rows = { & $row @{ Email = ('e' * 243) + '@example.com' } }; Expect = @{ Rejected = 1; Codes = 'TooLong' } }
    @{ Name = 'internationalised email'; Rows = { & $row @{ Email = 'josé@exämple.com' } }; Expect = @{ New = 1 } }
    @{ Name = 'whitespace-only email'; Rows = { & $row @{ Email = '   ' } }; Expect = @{ Rejected = 1; Codes = 'NoEmail' } }
    @{ Name = 'a number as the email'; Rows = { & $row @{ Email = 12345 } }; Expect = @{ Rejected = 1; Codes = 'InvalidEmail' } }
    @{ Name = 'a $null row in the pipeline'; Rows = { & $row @{}; $null }; Expect = @{ New = 1; Rejected = 1; Codes = 'NoEmail' } }
    @{ Name = 'ISO dates in several forms'; Rows = { & $row @{ Email = 'd1@example.com'; Joined = '2024-05-06' }; & $row @{ Email = 'd2@example.com'; Joined = '2024/05/06' }; & $row @{ Email = 'd3@example.com'; Joined = '2024-05-06T10:00:00Z' }; & $row @{ Email = 'd4@example.com'; Joined = [datetime]'2024-05-06' } }; Expect = @{ New = 4 } }
    @{ Name = 'a day-first date'; Rows = { & $row @{ Joined = '06/05/2024' } }; Expect = @{ Rejected = 1; Codes = 'InvalidDate' } }
    @{ Name = 'a date in words'; Rows = { & $row @{ Joined = 'May 6th, 2024' } }; Expect = @{ Rejected = 1; Codes = 'InvalidDate' } }
    @{ Name = 'a leap day that is not'; Rows = { & $row @{ Joined = '2023-02-29' } }; Expect = @{ Rejected = 1; Codes = 'InvalidDate' } }
    @{ Name = 'a real leap day'; Rows = { & $row @{ Joined = '2024-02-29' } }; Expect = @{ New = 1 } }
    @{ Name = 'a date before 1900'; Rows = { & $row @{ Joined = '1899-12-31' } }; Expect = @{ Rejected = 1; Codes = 'DateOutOfRange' } }
    @{ Name = 'a date after 2076-06-06'; Rows = { & $row @{ Joined = '2076-06-07' } }; Expect = @{ Rejected = 1; Codes = 'DateOutOfRange' } }
    @{ Name = 'a number with a thousands separator'; Rows = { & $row @{ Points = '1,234' } }; Expect = @{ Rejected = 1; Codes = 'InvalidNumber' } }
    @{ Name = 'a German decimal comma'; Rows = { & $row @{ Points = '3,5' } }; Expect = @{ Rejected = 1; Codes = 'InvalidNumber' } }
    @{ Name = 'numbers read the invariant way in a de-DE session'; Culture = 'de-DE'; Rows = { & $row @{ Points = '3.5' }; & $row @{ Email = 'n2@example.com'; Points = [double]2.25 } }; Expect = @{ New = 2 } }
    @{ Name = '$null and empty values'; Rows = { & $row @{ Name = $null; Zip = ''; Points = $null; Joined = '' } }; Expect = @{ New = 1 } }
    @{ Name = 'a nested object as a value'; Rows = { & $row @{ Name = [pscustomobject]@{ First = 'A'; Last = 'B' } } }; Expect = @{ Rejected = 1; Codes = 'NotAValue' } }
    @{ Name = 'an array for a Text field'; Rows = { & $row @{ Zip = @('1', '2') } }; Expect = @{ Rejected = 1; Codes = 'NotAValue' } }
    @{ Name = 'a hashtable as a value'; Rows = { & $row @{ Points = @{ a = 1 } } }; Expect = @{ Rejected = 1; Codes = 'NotAValue' } }
    @{ Name = 'hashtable rows with non-string keys'; Rows = { @{ 1 = 'one'; 'Email' = 'keys@example.com'; [datetime]'2024-01-01' = 'x' } }; Expect = @{ New = 1 } }
    @{ Name = 'hashtable keys in another case'; Rows = { @{ EMAIL = 'upper@example.com'; name = 'lower' } }; Expect = @{ New = 1 } }
    @{ Name = 'an option not in the field'; Rows = { & $row @{ Tier = 'Platinum' } }; Expect = @{ Rejected = 1; Codes = 'NotAnOption' } }
    @{ Name = 'multi-select with empty entries'; Rows = { & $row @{ Likes = ';;books;;Music;' } }; Expect = @{ New = 1 } }
    @{ Name = 'a consent that is not yes/no/unchanged'; Rows = { & $row @{ Consent = 'Maybe' } }; Expect = @{ Rejected = 1; Codes = 'InvalidConsent' } }
    @{ Name = 'consent as true/false, 1/0, y/n'; Rows = { 'true', 'FALSE', '1', '0', 'y', 'N' | ForEach-Object { & $row @{ Email = "consent-$_@example.com"; Consent = $_ } } }; Expect = @{ New = 6 } }
    @{ Name = 'a boolean and a DBNull as values'; Rows = { & $row @{ Zip = $true; Points = [DBNull]::Value } }; Expect = @{ New = 1 } }
    @{ Name = 'a script property as the email'; Rows = { $o = [pscustomobject]@{ Name = 'S' }; $o | Add-Member -MemberType ScriptProperty -Name Email -Value { 'script@example.com' }; $o }; Expect = @{ New = 1 } }
    @{ Name = '300 columns'; Rows = { $h = [ordered]@{ Email = 'wide@example.com' }; 1..300 | ForEach-Object { $h["Extra$_"] = "v$_" }; [pscustomobject]$h }; Expect = @{ New = 1 } }
    @{ Name = 'a million identical rows'; Rows = { $one = [pscustomobject]@{ Email = 'same@example.com'; Name = 'Same' }; [System.Linq.Enumerable]::Repeat([object]$one, 1000000) }; Expect = @{ Received = 1000000; New = 1; Duplicates = 999999 } }
)
