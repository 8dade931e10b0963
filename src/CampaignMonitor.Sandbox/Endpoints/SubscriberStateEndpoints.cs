using CampaignMonitor.Sandbox.State;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>The five list state endpoints: paged, ordered, filtered by <c>date</c>, consent on request.</summary>
internal static class SubscriberStateEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        foreach (var status in Enum.GetValues<SubscriberStatus>())
        {
            var segment = status.ToString().ToLowerInvariant();
            api.MapGet($"/lists/{{listId}}/{segment}.json", (string listId, HttpRequest request, SandboxState state) => Read(listId, status, request, state));
        }
    }

    private static IResult Read(string listId, SubscriberStatus status, HttpRequest request, SandboxState state)
    {
        var list = state.FindList(listId);
        if (list is null)
            return ApiResults.UnknownList();
        var (paging, error) = Paging.Parse(request, "email", "asc", "email", "name", "date");
        if (error is not null)
            return error;
        DateTime? since = null;
        if (Paging.Get(request.Query, "date") is { } dateText)
        {
            if (!QueryDates.TryParse(dateText, out var parsed))
                return ApiResults.Error(400, "Invalid date. Use YYYY-MM-DD, optionally with HH:MM:SS");
            since = parsed;
        }
        var withConsent = string.Equals(Paging.Get(request.Query, "includetrackingpreference"), "true", StringComparison.OrdinalIgnoreCase);
        var withSms = string.Equals(Paging.Get(request.Query, "includesmspreference"), "true", StringComparison.OrdinalIgnoreCase);
        lock (list)
        {
            var rows = View(list, status, since, paging!);
            return ApiResults.Ok(paging!.Envelope(rows, s => Project(list, s, withConsent, withSms), paging.OrderField));
        }
    }

    /// <summary>The matching subscribers in order; cached per list version, since paging asks for the same view again and again.</summary>
    private static Subscriber[] View(MailingList list, SubscriberStatus status, DateTime? since, Paging paging)
    {
        var key = $"{status}|{since:O}|{paging.OrderField}|{paging.OrderDirection}";
        if (list.Views.TryGetValue(key, out var cached) && cached.Version == list.Version)
            return cached.Rows;
        var rows = list.Subscribers.Values.Where(s => s.State == status && (since is null || s.StateDate >= since)).ToArray();
        Comparison<Subscriber> compare = paging.OrderField switch
        {
            "name" => (a, b) => string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase) is var c && c != 0 ? c : string.Compare(a.EmailAddress, b.EmailAddress, StringComparison.OrdinalIgnoreCase),
            "date" => (a, b) => a.StateDate.CompareTo(b.StateDate) is var c && c != 0 ? c : string.Compare(a.EmailAddress, b.EmailAddress, StringComparison.OrdinalIgnoreCase),
            _ => (a, b) => string.Compare(a.EmailAddress, b.EmailAddress, StringComparison.OrdinalIgnoreCase),
        };
        Array.Sort(rows, paging.Descending ? (a, b) => compare(b, a) : compare);
        if (list.Views.Count > 16)
            list.Views.Clear();
        list.Views[key] = (list.Version, rows);
        return rows;
    }

    internal static Dictionary<string, object?> Project(MailingList list, Subscriber s, bool withConsent, bool withSms)
    {
        var fields = new List<object>();
        foreach (var (field, values) in s.Values.All(list.Fields))
        {
            foreach (var value in values)
                fields.Add(new { Key = field.Name, Value = value });
        }
        var row = new Dictionary<string, object?>(10)
        {
            ["EmailAddress"] = s.EmailAddress,
            ["Name"] = s.Name ?? "",
            ["Date"] = QueryDates.Format(s.StateDate),
            ["ListJoinedDate"] = QueryDates.Format(s.ListJoinedDate),
            ["State"] = s.State.ToString(),
            ["CustomFields"] = fields,
            ["ReadsEmailWith"] = s.ReadsEmailWith,
        };
        if (s.MobileNumber is not null)
            row["MobileNumber"] = s.MobileNumber;
        if (withConsent)
            row["ConsentToTrack"] = s.ConsentToTrack;
        if (withSms)
            row["ConsentToSendSms"] = s.ConsentToSendSms;
        return row;
    }
}
