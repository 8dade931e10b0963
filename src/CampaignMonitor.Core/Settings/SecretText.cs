namespace CampaignMonitor.Core.Settings;

internal static class SecretText
{
    /// <summary>Shows no more than the last four characters of a secret, and none of a short one.</summary>
    public static string Hint(string? secret) =>
        string.IsNullOrEmpty(secret) ? "" : secret.Length <= 8 ? "****" : "****" + secret[^4..];
}
