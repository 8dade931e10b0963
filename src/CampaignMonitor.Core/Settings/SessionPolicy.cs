namespace CampaignMonitor.Core.Settings;

/// <summary>
/// The session's guard-rails, read from the environment: CM_ROLE=BusinessUser (may send and read, not change
/// settings, and only through settings that allow business users) and CM_PII_ACCESS=Restricted (only through
/// settings that allow restricted PII; every email, name and phone number shown is masked). A policy for shared
/// runbook accounts, not a security boundary.
/// </summary>
internal sealed record SessionPolicy(bool IsBusinessUser, bool IsPiiRestricted)
{
    public const string RoleVariable = "CM_ROLE";
    public const string PiiVariable = "CM_PII_ACCESS";

    public static SessionPolicy FromEnvironment() => new(
        string.Equals(Environment.GetEnvironmentVariable(RoleVariable)?.Trim(), "BusinessUser", StringComparison.OrdinalIgnoreCase),
        string.Equals(Environment.GetEnvironmentVariable(PiiVariable)?.Trim(), "Restricted", StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws in a business-user session, which may not do <paramref name="what"/> (change settings, act on a whole client).</summary>
    public void RequireNotBusinessUser(string what)
    {
        if (IsBusinessUser)
        {
            throw new SettingsException(SettingsErrorKind.NotAllowed,
                $"This session runs with {RoleVariable}=BusinessUser, which may not {what}. Ask an administrator to make the change.");
        }
    }
}
