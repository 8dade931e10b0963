namespace CampaignMonitor.Sandbox.State;

internal sealed record SeedSubscriber
{
    public string EmailAddress { get; init; } = "";
    public string? Name { get; init; }
    public string State { get; init; } = "Active";
    public DateTime? Date { get; init; }
    public string? ConsentToTrack { get; init; }
    /// <summary>Values by field name (the field must exist); MultiSelectMany values separated by '|'.</summary>
    public Dictionary<string, string> CustomFields { get; init; } = new();
}
