namespace CampaignMonitor.Sandbox.State;

internal static class Keys
{
    /// <summary>"[Loyalty Tier]", "loyalty tier" and "LoyaltyTier" are one key.</summary>
    public static string Normalize(string keyOrName) =>
        keyOrName.Trim().TrimStart('[').TrimEnd(']').Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The key the API makes for a new field: the name without spaces, in brackets.</summary>
    public static string ForName(string name) => "[" + name.Trim().Replace(" ", "", StringComparison.Ordinal) + "]";
}
