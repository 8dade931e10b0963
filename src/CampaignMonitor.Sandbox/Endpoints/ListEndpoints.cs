using CampaignMonitor.Sandbox.State;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>Client lists, list create/details/update, list stats.</summary>
internal static class ListEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/clients/{clientId}/lists.json", (string clientId, SandboxState state) =>
            !IsClient(state, clientId)
                ? ApiResults.UnknownClient()
                : ApiResults.Ok(state.Lists().OrderBy(l => l.Title, StringComparer.Ordinal).Select(l => new { l.ListID, Name = l.Title }).ToList()));

        api.MapPost("/lists/{clientId}.json", (string clientId, HttpContext context, SandboxState state) =>
        {
            if (!IsClient(state, clientId))
                return ApiResults.UnknownClient();
            using var body = RequestJson.Parse(context);
            if (body is null)
                return ApiResults.BadBody("list");
            var settings = ReadSettings(body.RootElement, out var error);
            if (error is not null)
                return error;
            if (string.IsNullOrWhiteSpace(settings.Title))
                return ApiResults.Error(251, "Empty List Title");
            var list = state.TryAddList(id => new MailingList { ListID = id, Title = settings.Title!.Trim() }, settings.Title!.Trim());
            if (list is null)
                return ApiResults.Error(250, "Duplicate List Title");
            lock (list)
                Apply(list, settings);
            return ApiResults.Created(list.ListID);
        });

        api.MapGet("/lists/{listId}.json", (string listId, SandboxState state) =>
        {
            var list = state.FindList(listId);
            if (list is null)
                return ApiResults.UnknownList();
            lock (list)
            {
                return ApiResults.Ok(new
                {
                    list.ConfirmedOptIn, list.Title, list.UnsubscribePage, list.ListID, list.ConfirmationSuccessPage, list.UnsubscribeSetting,
                });
            }
        });

        api.MapPut("/lists/{listId}.json", (string listId, HttpContext context, SandboxState state) =>
        {
            var list = state.FindList(listId);
            if (list is null)
                return ApiResults.UnknownList();
            using var body = RequestJson.Parse(context);
            if (body is null)
                return ApiResults.BadBody("list");
            var settings = ReadSettings(body.RootElement, out var error);
            if (error is not null)
                return error;
            if (string.IsNullOrWhiteSpace(settings.Title))
                return ApiResults.Error(251, "Empty List Title");
            var clash = state.FindListByTitle(settings.Title!.Trim());
            if (clash is not null && clash != list)
                return ApiResults.Error(250, "Duplicate List Title");
            lock (list)
            {
                list.Title = settings.Title!.Trim();
                Apply(list, settings);
                list.AddUnsubscribesToSuppList = body.RootElement.Bool("AddUnsubscribesToSuppList") ?? false;
                list.ScrubActiveWithSuppList = body.RootElement.Bool("ScrubActiveWithSuppList") ?? false;
                list.Version++;
            }
            return Results.Ok();
        });

        api.MapGet("/lists/{listId}/stats.json", (string listId, SandboxState state) =>
        {
            var list = state.FindList(listId);
            return list is null ? ApiResults.UnknownList() : ApiResults.Ok(ListStatistics.Compute(list, state.Now));
        });
    }

    public static bool IsClient(SandboxState state, string clientId) =>
        string.Equals(state.ClientId, clientId, StringComparison.OrdinalIgnoreCase);

    private sealed record ListSettings(string? Title, string UnsubscribePage, string UnsubscribeSetting, bool ConfirmedOptIn, string ConfirmationSuccessPage);

    private static ListSettings ReadSettings(System.Text.Json.JsonElement body, out IResult? error)
    {
        error = null;
        try
        {
            var setting = body.String("UnsubscribeSetting") ?? "AllClientLists";
            if (setting is not ("AllClientLists" or "OnlyThisList"))
                error = ApiResults.Error(261, "Invalid UnsubscribeSetting. Must be AllClientLists or OnlyThisList");
            return new ListSettings(body.String("Title"), body.String("UnsubscribePage") ?? "", setting,
                body.Bool("ConfirmedOptIn") ?? false, body.String("ConfirmationSuccessPage") ?? "");
        }
        catch (FormatException ex)
        {
            error = ApiResults.BadBody(ex.Message);
            return new ListSettings(null, "", "", false, "");
        }
    }

    private static void Apply(MailingList list, ListSettings settings)
    {
        list.UnsubscribePage = settings.UnsubscribePage;
        list.UnsubscribeSetting = settings.UnsubscribeSetting;
        list.ConfirmedOptIn = settings.ConfirmedOptIn;
        list.ConfirmationSuccessPage = settings.ConfirmationSuccessPage;
    }
}

/// <summary>List stats computed from the subscribers' states and the dates they changed.</summary>
internal static class ListStatistics
{
    public static Dictionary<string, int> Compute(MailingList list, DateTime now)
    {
        var today = now.Date;
        var weekStart = today.AddDays(-(int)today.DayOfWeek);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string prefixTotal, string prefixPeriod, IEnumerable<DateTime> dates)
        {
            var total = 0; var t = 0; var y = 0; var w = 0; var m = 0; var yr = 0;
            foreach (var date in dates)
            {
                total++;
                var d = date.Date;
                if (d == today) t++;
                if (d == today.AddDays(-1)) y++;
                if (d >= weekStart && d <= today) w++;
                if (d.Year == today.Year && d.Month == today.Month) m++;
                if (d.Year == today.Year) yr++;
            }
            counters[prefixTotal] = total;
            counters[prefixPeriod + "Today"] = t;
            counters[prefixPeriod + "Yesterday"] = y;
            counters[prefixPeriod + "ThisWeek"] = w;
            counters[prefixPeriod + "ThisMonth"] = m;
            counters[prefixPeriod + "ThisYear"] = yr;
        }

        lock (list)
        {
            var rows = list.Subscribers.Values.ToList();
            Count("TotalActiveSubscribers", "NewActiveSubscribers", rows.Where(s => s.State == SubscriberStatus.Active).Select(s => s.ListJoinedDate));
            Count("TotalUnsubscribes", "Unsubscribes", rows.Where(s => s.State == SubscriberStatus.Unsubscribed).Select(s => s.StateDate));
            Count("TotalDeleted", "Deleted", rows.Where(s => s.State == SubscriberStatus.Deleted).Select(s => s.StateDate));
            Count("TotalBounces", "Bounces", rows.Where(s => s.State == SubscriberStatus.Bounced).Select(s => s.StateDate));
        }
        return counters;
    }
}
