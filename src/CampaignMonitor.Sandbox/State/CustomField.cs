namespace CampaignMonitor.Sandbox.State;

internal sealed class CustomField
{
    public required string Name { get; init; }
    public required string Key { get; init; }
    public required string DataType { get; init; }
    public List<string> Options { get; } = new();
    public bool VisibleInPreferenceCenter { get; init; }

    /// <summary>Where the field is among its list's fields (fields are only ever added): its slot in <see cref="FieldValues"/>.</summary>
    public int Ordinal { get; init; }

    /// <summary>The option as the field spells it, matched case-insensitively; null when not an option.</summary>
    public string? MatchOption(string value) =>
        Options.FirstOrDefault(o => string.Equals(o, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
