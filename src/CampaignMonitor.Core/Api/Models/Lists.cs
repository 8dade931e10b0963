namespace CampaignMonitor.Core.Api.Models;

/// <summary>One entry of <c>GET clients/{clientid}/lists.json</c>.</summary>
public sealed class ClientList
{
    public string ListID { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>How unsubscribes from a list propagate: the API accepts exactly these two values.</summary>
public static class UnsubscribeSettings
{
    public const string AllClientLists = "AllClientLists";
    public const string OnlyThisList = "OnlyThisList";

    public static bool IsValid(string? value) =>
        string.Equals(value, AllClientLists, StringComparison.Ordinal) || string.Equals(value, OnlyThisList, StringComparison.Ordinal);
}

/// <summary>Body of <c>POST lists/{clientid}.json</c>.</summary>
public class CreateListRequest
{
    public string Title { get; set; } = "";
    public string UnsubscribePage { get; set; } = "";
    public string UnsubscribeSetting { get; set; } = UnsubscribeSettings.AllClientLists;
    public bool ConfirmedOptIn { get; set; }
    public string ConfirmationSuccessPage { get; set; } = "";
}

/// <summary>Body of <c>PUT lists/{listid}.json</c>: the create body plus the suppression-list switches.</summary>
public sealed class UpdateListRequest : CreateListRequest
{
    public bool AddUnsubscribesToSuppList { get; set; }
    public bool ScrubActiveWithSuppList { get; set; }
}

/// <summary>Response of <c>GET lists/{listid}.json</c>.</summary>
public sealed class ListDetails
{
    public string ListID { get; set; } = "";
    public string Title { get; set; } = "";
    public string? UnsubscribePage { get; set; }
    public string? UnsubscribeSetting { get; set; }
    public bool ConfirmedOptIn { get; set; }
    public string? ConfirmationSuccessPage { get; set; }
}

/// <summary>Response of <c>GET lists/{listid}/stats.json</c>. Properties the API adds later are kept in <see cref="AdditionalProperties"/>.</summary>
public sealed class ListStats
{
    public int TotalActiveSubscribers { get; set; }
    public int NewActiveSubscribersToday { get; set; }
    public int NewActiveSubscribersYesterday { get; set; }
    public int NewActiveSubscribersThisWeek { get; set; }
    public int NewActiveSubscribersThisMonth { get; set; }
    public int NewActiveSubscribersThisYear { get; set; }
    public int TotalUnsubscribes { get; set; }
    public int UnsubscribesToday { get; set; }
    public int UnsubscribesYesterday { get; set; }
    public int UnsubscribesThisWeek { get; set; }
    public int UnsubscribesThisMonth { get; set; }
    public int UnsubscribesThisYear { get; set; }
    public int TotalDeleted { get; set; }
    public int DeletedToday { get; set; }
    public int DeletedYesterday { get; set; }
    public int DeletedThisWeek { get; set; }
    public int DeletedThisMonth { get; set; }
    public int DeletedThisYear { get; set; }
    public int TotalBounces { get; set; }
    public int BouncesToday { get; set; }
    public int BouncesYesterday { get; set; }
    public int BouncesThisWeek { get; set; }
    public int BouncesThisMonth { get; set; }
    public int BouncesThisYear { get; set; }

    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>Response of <c>GET systemdate.json</c>: "now" in the account's time zone.</summary>
public sealed class SystemDateResponse
{
    public DateTime SystemDate { get; set; }
}
