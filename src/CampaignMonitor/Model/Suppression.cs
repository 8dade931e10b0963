namespace CampaignMonitor;

/// <summary>An address on a client's suppression list (Get-CMSuppression): Campaign Monitor sends it nothing.</summary>
public sealed class Suppression
{
    internal Suppression(string emailAddress, DateTime? date, string? state, string? reason, string credential)
    {
        EmailAddress = emailAddress;
        Date = date;
        State = state;
        SuppressionReason = reason;
        Credential = credential;
    }

    /// <summary>The address (masked in a restricted-PII session).</summary>
    public string EmailAddress { get; }
    /// <summary>When it was suppressed.</summary>
    public DateTime? Date { get; }
    /// <summary>Suppressed.</summary>
    public string? State { get; }
    /// <summary>Why: Unsubscribed, Bounced, Manual, ...</summary>
    public string? SuppressionReason { get; }
    public string Credential { get; }
}
