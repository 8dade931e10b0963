namespace CampaignMonitor.Sandbox.State;

internal sealed class ActivityRow
{
    public required string EmailAddress { get; init; }
    public required string ListID { get; init; }
    public DateTime? Date { get; init; }
    public string? IPAddress { get; init; }
    public string? URL { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? CountryCode { get; init; }
    public string? CountryName { get; init; }
    public string? BounceType { get; init; }
    public string? Reason { get; init; }
}
