namespace CampaignMonitor.Core.Settings;

/// <summary>The subscriber fields every list has (FirstName and LastName are ours: they become Name).</summary>
internal static class StandardFields
{
    public const string EmailAddress = "EmailAddress";
    public const string Name = "Name";
    /// <summary>With LastName: joined with one space into Name (a row's Name, when it has one, wins).</summary>
    public const string FirstName = "FirstName";
    public const string LastName = "LastName";
    public const string MobileNumber = "MobileNumber";
    public const string ConsentToTrack = "ConsentToTrack";
    public const string ConsentToSendSms = "ConsentToSendSms";

    public static IReadOnlyList<string> All { get; } = new[] { EmailAddress, Name, FirstName, LastName, MobileNumber, ConsentToTrack, ConsentToSendSms };

    /// <summary>The standard field's own spelling for a name given in any case, or null.</summary>
    public static string? Normalize(string? name) => All.FirstOrDefault(f => string.Equals(f, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool IsStandard(string? name) => Normalize(name) is not null;
}
