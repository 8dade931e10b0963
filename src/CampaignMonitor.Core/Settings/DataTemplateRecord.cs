namespace CampaignMonitor.Core.Settings;

/// <summary>How input columns map to Campaign Monitor fields, for one destination.</summary>
internal sealed class DataTemplateRecord : IStoredSetting
{
    public int SchemaVersion { get; set; } = 1;
    public string Name { get; set; } = "";
    public string Destination { get; set; } = "";
    public List<FieldMapping> Mapping { get; set; } = new();
    /// <summary>The ConsentToTrack sent for rows without their own: Yes, No or Unchanged.</summary>
    public string ConsentToTrack { get; set; } = Api.Models.ConsentValues.Unchanged;
    public string? Description { get; set; }
    /// <summary>The culture (e.g. de-DE) Number and Date fields without a Format or a Culture of their own are read in; null: invariant.</summary>
    public string? Culture { get; set; }
    public bool AllowBusinessUsers { get; set; }
    public bool AllowRestrictedPii { get; set; }
    public DateTime Created { get; set; }
    public DateTime Modified { get; set; }
}
