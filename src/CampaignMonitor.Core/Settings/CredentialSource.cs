namespace CampaignMonitor.Core.Settings;

/// <summary>Where a credential comes from.</summary>
internal enum CredentialSource
{
    Store,
    Session,
    Environment,
}
