namespace CampaignMonitor;

/// <summary>What Add-CMSuppression or Remove-CMSuppression did to one address (-PassThru).</summary>
public sealed class SuppressionChange
{
    internal SuppressionChange(string emailAddress, string action, string credential)
    {
        EmailAddress = emailAddress;
        Action = action;
        Credential = credential;
    }

    /// <summary>The address (masked in a restricted-PII session).</summary>
    public string EmailAddress { get; }
    /// <summary>Suppressed or Unsuppressed.</summary>
    public string Action { get; }
    public string Credential { get; }
}
