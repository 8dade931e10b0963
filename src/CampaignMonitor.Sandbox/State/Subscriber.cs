namespace CampaignMonitor.Sandbox.State;

internal sealed class Subscriber
{
    public required string EmailAddress { get; set; }
    public string? Name { get; set; }
    public string? MobileNumber { get; set; }
    public SubscriberStatus State { get; set; }
    /// <summary>When the state last changed.</summary>
    public DateTime StateDate { get; set; }
    public DateTime ListJoinedDate { get; set; }
    /// <summary>"Yes", "No", or "" when never given.</summary>
    public string ConsentToTrack { get; set; } = "";
    public string ConsentToSendSms { get; set; } = "";
    public string ReadsEmailWith { get; set; } = "";
    /// <summary>Values by field (MultiSelectMany has several).</summary>
    public FieldValues Values;
}
