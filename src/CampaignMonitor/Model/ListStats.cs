using System.Management.Automation;

namespace CampaignMonitor;

/// <summary>A list's statistics (Get-CMListStats): every counter the API reports.</summary>
public sealed class ListStats
{
    internal ListStats(string listId, string? listName, Core.Api.Models.ListStats stats)
    {
        ListId = listId;
        ListName = listName;
        TotalActiveSubscribers = stats.TotalActiveSubscribers;
        NewActiveSubscribersToday = stats.NewActiveSubscribersToday;
        NewActiveSubscribersYesterday = stats.NewActiveSubscribersYesterday;
        NewActiveSubscribersThisWeek = stats.NewActiveSubscribersThisWeek;
        NewActiveSubscribersThisMonth = stats.NewActiveSubscribersThisMonth;
        NewActiveSubscribersThisYear = stats.NewActiveSubscribersThisYear;
        TotalUnsubscribes = stats.TotalUnsubscribes;
        UnsubscribesToday = stats.UnsubscribesToday;
        UnsubscribesYesterday = stats.UnsubscribesYesterday;
        UnsubscribesThisWeek = stats.UnsubscribesThisWeek;
        UnsubscribesThisMonth = stats.UnsubscribesThisMonth;
        UnsubscribesThisYear = stats.UnsubscribesThisYear;
        TotalDeleted = stats.TotalDeleted;
        DeletedToday = stats.DeletedToday;
        DeletedYesterday = stats.DeletedYesterday;
        DeletedThisWeek = stats.DeletedThisWeek;
        DeletedThisMonth = stats.DeletedThisMonth;
        DeletedThisYear = stats.DeletedThisYear;
        TotalBounces = stats.TotalBounces;
        BouncesToday = stats.BouncesToday;
        BouncesYesterday = stats.BouncesYesterday;
        BouncesThisWeek = stats.BouncesThisWeek;
        BouncesThisMonth = stats.BouncesThisMonth;
        BouncesThisYear = stats.BouncesThisYear;
        _additional = stats.AdditionalProperties;
    }

    private readonly Dictionary<string, System.Text.Json.JsonElement>? _additional;

    public string ListId { get; }
    public string? ListName { get; }
    public int TotalActiveSubscribers { get; }
    public int NewActiveSubscribersToday { get; }
    public int NewActiveSubscribersYesterday { get; }
    public int NewActiveSubscribersThisWeek { get; }
    public int NewActiveSubscribersThisMonth { get; }
    public int NewActiveSubscribersThisYear { get; }
    public int TotalUnsubscribes { get; }
    public int UnsubscribesToday { get; }
    public int UnsubscribesYesterday { get; }
    public int UnsubscribesThisWeek { get; }
    public int UnsubscribesThisMonth { get; }
    public int UnsubscribesThisYear { get; }
    public int TotalDeleted { get; }
    public int DeletedToday { get; }
    public int DeletedYesterday { get; }
    public int DeletedThisWeek { get; }
    public int DeletedThisMonth { get; }
    public int DeletedThisYear { get; }
    public int TotalBounces { get; }
    public int BouncesToday { get; }
    public int BouncesYesterday { get; }
    public int BouncesThisWeek { get; }
    public int BouncesThisMonth { get; }
    public int BouncesThisYear { get; }

    /// <summary>The object to write: counters the API adds later ride along as extra properties.</summary>
    internal PSObject ToPSObject()
    {
        var wrapped = PSObject.AsPSObject(this);
        foreach (var (name, value) in _additional ?? new())
        {
            object? plain = value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.Number when value.TryGetInt64(out var number) => number,
                System.Text.Json.JsonValueKind.Number => value.GetDouble(),
                System.Text.Json.JsonValueKind.String => value.GetString(),
                System.Text.Json.JsonValueKind.True => true,
                System.Text.Json.JsonValueKind.False => false,
                _ => value.GetRawText(),
            };
            wrapped.Properties.Add(new PSNoteProperty(name, plain));
        }
        return wrapped;
    }
}
