@{
    # The one place the module's version is set: every assembly reads it from here at build time.
    ModuleVersion        = '0.3.0'
    RootModule           = 'CampaignMonitor.dll'
    GUID                 = '154aa8af-326a-4f11-bda6-e8037c86a846'
    Author               = 'CampaignMonitor module contributors'
    CompanyName          = 'CampaignMonitor module contributors'
    Copyright            = '(c) CampaignMonitor module contributors. MIT licence.'
    Description          = 'Send subscriber lists to Campaign Monitor and read its reports back: batched, concurrent, resilient imports, streamed readers, stored credentials and destinations, and a local Campaign Monitor-compatible sandbox for offline tests.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('CampaignMonitor.Format.ps1xml')
    CmdletsToExport      = @(
        'New-CMCredential'
        'Get-CMCredential'
        'Remove-CMCredential'
        'Test-CMCredential'
        'Add-CMDestination'
        'Get-CMDestination'
        'Set-CMDestination'
        'Remove-CMDestination'
        'Add-CMDataTemplate'
        'Get-CMDataTemplate'
        'Set-CMDataTemplate'
        'Remove-CMDataTemplate'
        'Send-CMSubscribers'
        'Get-CMSendHistory'
        'Get-CMList'
        'Get-CMListStats'
        'Get-CMSubscriber'
        'Get-CMSubscriberHistory'
        'Remove-CMSubscriber'
        'Get-CMSuppression'
        'Add-CMSuppression'
        'Remove-CMSuppression'
        'Get-CMCampaign'
        'Get-CMCampaignActivity'
        'Get-CMCampaignSummary'
        'Start-CMSandbox'
        'Stop-CMSandbox'
        'Set-CMSandboxFault'
        'Add-CMSandboxData'
        'Get-CMSandboxRequest'
        'Reset-CMSandbox'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('CampaignMonitor', 'createsend', 'Email', 'Marketing', 'Subscribers', 'Sync', 'Linux', 'Windows', 'macOS', 'PSEdition_Core')
            ProjectUri   = 'https://github.com/campaignmonitor-powershell/CampaignMonitor'
            LicenseUri   = 'https://github.com/campaignmonitor-powershell/CampaignMonitor/blob/main/LICENSE'
            # Written by build.ps1 Build from the version's section of CHANGELOG.md.
            ReleaseNotes = ''
        }
    }
}
