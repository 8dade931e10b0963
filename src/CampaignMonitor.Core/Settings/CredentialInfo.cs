namespace CampaignMonitor.Core.Settings;

/// <summary>A credential as shown to users: never its key, at most the key's last four characters.</summary>
internal sealed record CredentialInfo(CredentialRecord Record, string ApiKeyHint, CredentialSource Source);
