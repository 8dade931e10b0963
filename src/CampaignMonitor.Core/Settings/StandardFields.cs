namespace CampaignMonitor.Core.Settings;

internal static class StandardFields
{
    public const string EmailAddress = "EmailAddress";
    public const string Name = "Name";
    public const string MobileNumber = "MobileNumber";
    public const string ConsentToTrack = "ConsentToTrack";
    public const string ConsentToSendSms = "ConsentToSendSms";

    public static IReadOnlyList<string> All { get; } = new[] { EmailAddress, Name, MobileNumber, ConsentToTrack, ConsentToSendSms };

    /// <summary>The standard field's own spelling for a name given in any case, or null.</summary>
    public static string? Normalize(string? name) => All.FirstOrDefault(f => string.Equals(f, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool IsStandard(string? name) => Normalize(name) is not null;
}
