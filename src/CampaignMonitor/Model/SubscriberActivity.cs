namespace CampaignMonitor;

/// <summary>One thing a subscriber did with an email they were sent (Get-CMSubscriberHistory).</summary>
public sealed class SubscriberActivity
{
    internal SubscriberActivity(string emailAddress, string id, string type, string? name, string @event, DateTime? date, string? ipAddress, string? detail)
    {
        EmailAddress = emailAddress;
        Id = id;
        Type = type;
        Name = name;
        Event = @event;
        Date = date;
        IPAddress = ipAddress;
        Detail = string.IsNullOrEmpty(detail) ? null : detail;
    }

    /// <summary>The address (masked in a restricted-PII session).</summary>
    public string EmailAddress { get; }
    /// <summary>The campaign's (or journey's) ID.</summary>
    public string Id { get; }
    /// <summary>Campaign, or Journey for automated emails.</summary>
    public string Type { get; }
    /// <summary>The campaign's or journey email's name.</summary>
    public string? Name { get; }
    /// <summary>Open, Click, Bounce, Unsubscribe, ...</summary>
    public string Event { get; }
    public DateTime? Date { get; }
    public string? IPAddress { get; }
    /// <summary>For a click, the URL.</summary>
    public string? Detail { get; }
}
