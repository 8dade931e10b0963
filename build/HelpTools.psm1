# Help for binary cmdlets without platyPS: cmdlet pages are authored as markdown under docs/cmdlets/
# (platyPS-style headings) and compiled here to the MAML file PowerShell reads (CampaignMonitor.dll-Help.xml).
# Parameter types, positions, pipeline input, wildcard support, aliases and defaults come from the cmdlet itself, so the
# help cannot drift from the code.

Set-StrictMode -Version 3.0

# Where each cmdlet's page is published; Get-Help <cmdlet> -Online opens <root>/<cmdlet>.md.
$OnlineHelpRoot = 'https://github.com/campaignmonitor-powershell/CampaignMonitor/blob/main/docs/cmdlets'

function Read-CMHelpMarkdown {
    <# Parses one cmdlet page into its sections. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Path)

    $page = [ordered]@{
        Path = $Path; Name = $null; Synopsis = ''; Description = ''
        Examples = [System.Collections.Generic.List[object]]::new()
        Parameters = [ordered]@{}
        Inputs = [System.Collections.Generic.List[object]]::new()
        Outputs = [System.Collections.Generic.List[object]]::new()
        Notes = ''; Links = [System.Collections.Generic.List[string]]::new()
    }
    $lines = (Get-Content -LiteralPath $Path -Raw) -replace "`r`n", "`n" -split "`n"
    $section = $null; $sub = $null; $buffer = [System.Text.StringBuilder]::new(); $inFrontMatter = $false

    $flush = {
        $text = $buffer.ToString().Trim()
        [void] $buffer.Clear()
        switch ($section) {
            'SYNOPSIS' { $page.Synopsis = $text }
            'DESCRIPTION' { $page.Description = $text }
            'EXAMPLES' {
                if ($sub) {
                    $code = ''; $remarks = $text
                    if ($text -match '(?s)^```[a-zA-Z]*\n(.*?)\n```\s*(.*)$') { $code = $Matches[1]; $remarks = $Matches[2].Trim() }
                    $page.Examples.Add([pscustomobject]@{ Title = $sub; Code = $code; Remarks = $remarks })
                }
            }
            'PARAMETERS' { if ($sub) { $page.Parameters[$sub.TrimStart('-')] = ($text -replace '(?s)```yaml.*?```', '').Trim() } }
            'INPUTS' { if ($sub) { $page.Inputs.Add([pscustomobject]@{ Type = $sub; Description = $text }) } }
            'OUTPUTS' { if ($sub) { $page.Outputs.Add([pscustomobject]@{ Type = $sub; Description = $text }) } }
            'NOTES' { $page.Notes = $text }
            'RELATED LINKS' { foreach ($l in $text -split "`n") { if ($l.Trim()) { $page.Links.Add($l.Trim()) } } }
        }
    }

    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($i -eq 0 -and $line -eq '---') { $inFrontMatter = $true; continue }
        if ($inFrontMatter) { if ($line -eq '---') { $inFrontMatter = $false }; continue }
        if ($line -match '^# (\S+)\s*$') { $page.Name = $Matches[1]; continue }
        if ($line -match '^## (.+?)\s*$') { & $flush; $section = $Matches[1].ToUpperInvariant(); $sub = $null; continue }
        if ($line -match '^### (.+?)\s*$' -and $section -in 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS') {
            & $flush; $sub = $Matches[1]; continue
        }
        [void] $buffer.AppendLine($line)
    }
    & $flush
    [pscustomobject] $page
}

function Get-CMHelpParameterName {
    <# The parameters a page must describe: the cmdlet's own, without the common ones. #>
    param([Parameter(Mandatory)][System.Management.Automation.CommandInfo] $Command)
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    $Command.Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object
}

function Test-CMHelpPage {
    <# Returns the problems of one page against its cmdlet: nothing when the page is complete. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Page,
        [Parameter(Mandatory)][System.Management.Automation.CommandInfo] $Command
    )
    $name = $Command.Name
    if ($Page.Name -ne $name) { "$($Page.Path): the title is '$($Page.Name)', not '$name'." }
    if (-not $Page.Synopsis) { "${name}: the SYNOPSIS is missing." }
    if (-not $Page.Description) { "${name}: the DESCRIPTION is missing." }
    if ($Page.Examples.Count -eq 0) { "${name}: there is no example." }
    foreach ($example in $Page.Examples) {
        if (-not $example.Code) { "${name}: example '$($example.Title)' has no code block." }
        if (-not $example.Remarks) { "${name}: example '$($example.Title)' does not say what it does." }
    }
    foreach ($parameter in Get-CMHelpParameterName $Command) {
        if (-not $Page.Parameters.Contains($parameter) -or -not $Page.Parameters[$parameter]) {
            "${name}: the parameter -$parameter is not described."
        }
    }
    foreach ($described in $Page.Parameters.Keys) {
        if ($described -ne 'CommonParameters' -and -not $Command.Parameters.ContainsKey($described)) {
            "${name}: the page describes -$described, which the cmdlet does not have."
        }
    }
}

function Export-CMMamlHelp {
    <# Imports the built module and writes one MAML file for all its cmdlets. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $ModulePath,
        [Parameter(Mandatory)][string] $DocsPath,
        [Parameter(Mandatory)][string] $OutputPath
    )
    $module = Import-Module (Join-Path $ModulePath 'CampaignMonitor.psd1') -PassThru -Force
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
    $writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
    $maml = 'http://schemas.microsoft.com/maml/2004/10'
    $cmd = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    $dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($command in $module.ExportedCmdlets.Values | Sort-Object Name) {
            $pagePath = Join-Path $DocsPath "$($command.Name).md"
            if (-not (Test-Path $pagePath)) { Write-Warning "No help page for $($command.Name) at $pagePath"; continue }
            $page = Read-CMHelpMarkdown -Path $pagePath
            Write-CMMamlCommand -Writer $writer -Page $page -Command $command -Maml $maml -Cmd $cmd -Dev $dev
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
}

function Write-CMParas($Writer, [string] $Maml, [string] $Text) {
    foreach ($para in ($Text -split "\n\s*\n")) {
        $Writer.WriteElementString('para', $Maml, ($para -replace '\s*\n\s*', ' ').Trim())
    }
}

function Get-CMPipelineInput($SetParameter, $Parameter) {
    # Per parameter set when there is one (a parameter may take pipeline input in one set only).
    $byValue = if ($SetParameter) { $SetParameter.ValueFromPipeline } else { [bool]($Parameter.Attributes | Where-Object { $_ -is [Parameter] -and $_.ValueFromPipeline }) }
    $byName = if ($SetParameter) { $SetParameter.ValueFromPipelineByPropertyName } else { [bool]($Parameter.Attributes | Where-Object { $_ -is [Parameter] -and $_.ValueFromPipelineByPropertyName }) }
    if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' }
    elseif ($byValue) { 'True (ByValue)' }
    elseif ($byName) { 'True (ByPropertyName)' }
    else { 'False' }
}

function Get-CMHelpTypeName([type] $Type) {
    # What a user types: DateTime, not Nullable`1.
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    $Type.Name
}

function Get-CMParameterDefault($Command, $Parameter) {
    # The value a new instance of the cmdlet holds: the default the code really has.
    if ($Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]) { return 'False' }
    try {
        $value = $Command.ImplementingType.GetProperty($Parameter.Name).GetValue([Activator]::CreateInstance($Command.ImplementingType))
    }
    catch { return 'None' }
    if ($null -eq $value -or ($value -is [string] -and $value -eq '') -or ($value -is [System.Collections.IDictionary] -and $value.Count -eq 0)) { return 'None' }
    [string] $value
}

function Write-CMMamlParameter($Writer, $Command, $Parameter, $SetParameter, [string] $Description, [string] $Maml, [string] $Cmd, [string] $Dev) {
    $Writer.WriteStartElement('command', 'parameter', $Cmd)
    $required = if ($SetParameter) { $SetParameter.IsMandatory } else { ($Parameter.ParameterSets.Values | Where-Object IsMandatory) -as [bool] }
    $position = if ($SetParameter -and $SetParameter.Position -ge 0) { $SetParameter.Position } else { 'named' }
    $globbing = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $Writer.WriteAttributeString('required', ([string] [bool] $required).ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', ([string] $globbing).ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', (Get-CMPipelineInput $SetParameter $Parameter))
    $Writer.WriteAttributeString('position', [string] $position)
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('name', $Maml, $Parameter.Name)
    $Writer.WriteStartElement('maml', 'description', $Maml); Write-CMParas $Writer $Maml $Description; $Writer.WriteEndElement()
    if ($Parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
        $Writer.WriteStartElement('command', 'parameterValue', $Cmd)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString((Get-CMHelpTypeName $Parameter.ParameterType))
        $Writer.WriteEndElement()
    }
    $typeName = [Nullable]::GetUnderlyingType($Parameter.ParameterType) ?? $Parameter.ParameterType
    $Writer.WriteStartElement('dev', 'type', $Dev); $Writer.WriteElementString('name', $Maml, $typeName.FullName); $Writer.WriteEndElement()
    $Writer.WriteElementString('defaultValue', $Dev, (Get-CMParameterDefault $Command $Parameter))
    $Writer.WriteEndElement()
}

function Write-CMMamlCommand($Writer, $Page, $Command, [string] $Maml, [string] $Cmd, [string] $Dev) {
    $Writer.WriteStartElement('command', 'command', $Cmd)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $Maml)
    $Writer.WriteAttributeString('xmlns', 'command', $null, $Cmd)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $Dev)

    $Writer.WriteStartElement('command', 'details', $Cmd)
    $Writer.WriteElementString('name', $Cmd, $Command.Name)
    $Writer.WriteElementString('verb', $Cmd, $Command.Verb)
    $Writer.WriteElementString('noun', $Cmd, $Command.Noun)
    $Writer.WriteStartElement('maml', 'description', $Maml); Write-CMParas $Writer $Maml $Page.Synopsis; $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('maml', 'description', $Maml); Write-CMParas $Writer $Maml $Page.Description; $Writer.WriteEndElement()

    $own = @(Get-CMHelpParameterName $Command)
    # -WhatIf and -Confirm belong in the syntax of every cmdlet that changes something, as PowerShell's own help has them.
    $shouldProcess = @('WhatIf', 'Confirm') | Where-Object { $Command.Parameters.ContainsKey($_) }
    $shouldProcessText = @{
        WhatIf = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
        Confirm = 'Prompts you for confirmation before running the cmdlet.'
    }
    $Writer.WriteStartElement('command', 'syntax', $Cmd)
    foreach ($set in $Command.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $Cmd)
        $Writer.WriteElementString('name', $Maml, $Command.Name)
        foreach ($setParameter in $set.Parameters | Where-Object { $_.Name -in $own }) {
            Write-CMMamlParameter $Writer $Command $Command.Parameters[$setParameter.Name] $setParameter $Page.Parameters[$setParameter.Name] $Maml $Cmd $Dev
        }
        foreach ($name in $shouldProcess) {
            Write-CMMamlParameter $Writer $Command $Command.Parameters[$name] $null $shouldProcessText[$name] $Maml $Cmd $Dev
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $Cmd)
    foreach ($name in $own) {
        $setParameter = $Command.ParameterSets.Parameters | Where-Object Name -EQ $name | Select-Object -First 1
        Write-CMMamlParameter $Writer $Command $Command.Parameters[$name] $setParameter $Page.Parameters[$name] $Maml $Cmd $Dev
    }
    foreach ($name in $shouldProcess) {
        Write-CMMamlParameter $Writer $Command $Command.Parameters[$name] $null $shouldProcessText[$name] $Maml $Cmd $Dev
    }
    $Writer.WriteEndElement()

    foreach ($kind in @(@{ Outer = 'inputTypes'; Inner = 'inputType'; Items = $Page.Inputs }, @{ Outer = 'returnValues'; Inner = 'returnValue'; Items = $Page.Outputs })) {
        $Writer.WriteStartElement('command', $kind.Outer, $Cmd)
        foreach ($item in $kind.Items) {
            $Writer.WriteStartElement('command', $kind.Inner, $Cmd)
            $Writer.WriteStartElement('dev', 'type', $Dev); $Writer.WriteElementString('name', $Maml, $item.Type); $Writer.WriteEndElement()
            $Writer.WriteStartElement('maml', 'description', $Maml); Write-CMParas $Writer $Maml $item.Description; $Writer.WriteEndElement()
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    if ($Page.Notes) {
        $Writer.WriteStartElement('maml', 'alertSet', $Maml)
        $Writer.WriteStartElement('maml', 'alert', $Maml); Write-CMParas $Writer $Maml $Page.Notes; $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('command', 'examples', $Cmd)
    foreach ($example in $Page.Examples) {
        $Writer.WriteStartElement('command', 'example', $Cmd)
        $Writer.WriteElementString('title', $Maml, "--- $($example.Title) ---")
        $Writer.WriteElementString('code', $Dev, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $Dev); Write-CMParas $Writer $Maml $example.Remarks; $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $Cmd)
    # The first link is what Get-Help -Online opens: the cmdlet's own page.
    $Writer.WriteStartElement('maml', 'navigationLink', $Maml)
    $Writer.WriteElementString('linkText', $Maml, 'Online version:')
    $Writer.WriteElementString('uri', $Maml, "$OnlineHelpRoot/$($Command.Name).md")
    $Writer.WriteEndElement()
    foreach ($link in $Page.Links) {
        $text = $link; $uri = ''
        if ($link -match '^\[(.+?)\]\((.*?)\)$') { $text = $Matches[1]; $uri = $Matches[2] }
        $Writer.WriteStartElement('maml', 'navigationLink', $Maml)
        $Writer.WriteElementString('linkText', $Maml, $text)
        $Writer.WriteElementString('uri', $Maml, $uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

Export-ModuleMember -Function Read-CMHelpMarkdown, Test-CMHelpPage, Export-CMMamlHelp, Get-CMHelpParameterName
