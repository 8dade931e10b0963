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
            var settings = ReadSettings(body, out var error);
            if (error is not null)
                return error;
            var list = state.TryAddList(id => new MailingList { ListID = id, Title = settings.Title }, settings.Title);
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
            var settings = ReadSettings(body, out var error);
            if (error is not null)
                return error;
            var clash = state.FindListByTitle(settings.Title);
            if (clash is not null && clash != list)
                return ApiResults.Error(250, "Duplicate List Title");
            lock (list)
            {
                list.Title = settings.Title;
                Apply(list, settings);
                list.AddUnsubscribesToSuppList = settings.AddUnsubscribesToSuppList;
                list.ScrubActiveWithSuppList = settings.ScrubActiveWithSuppList;
                list.Version++;
            }
            return Results.Ok();
        });

        api.MapDelete("/lists/{listId}.json", (string listId, SandboxState state) =>
            state.RemoveList(listId) ? Results.Ok() : ApiResults.UnknownList());

        api.MapGet("/lists/{listId}/stats.json", (string listId, SandboxState state) =>
        {
            var list = state.FindList(listId);
            return list is null ? ApiResults.UnknownList() : ApiResults.Ok(ListStatistics.Compute(list, state.Now));
        });
    }

    public static bool IsClient(SandboxState state, string clientId) =>
        string.Equals(state.ClientId, clientId, StringComparison.OrdinalIgnoreCase);

    private sealed record ListSettings(string Title, string UnsubscribePage, string UnsubscribeSetting, bool ConfirmedOptIn,
        string ConfirmationSuccessPage, bool AddUnsubscribesToSuppList, bool ScrubActiveWithSuppList);

    /// <summary>The create/update body with the API's checks: 400 unreadable, 251 empty title, 261 bad unsubscribe setting.</summary>
    private static ListSettings ReadSettings(System.Text.Json.JsonDocument? body, out IResult? error)
    {
        error = null;
        var empty = new ListSettings("", "", "", false, "", false, false);
        if (body is null)
        {
            error = ApiResults.BadBody("list");
            return empty;
        }
        var root = body.RootElement;
        try
        {
            var setting = root.String("UnsubscribeSetting") ?? "AllClientLists";
            var title = root.String("Title")?.Trim() ?? "";
            if (title.Length == 0)
                error = ApiResults.Error(251, "Empty List Title");
            else if (setting is not ("AllClientLists" or "OnlyThisList"))
                error = ApiResults.Error(261, "Invalid UnsubscribeSetting. Must be AllClientLists or OnlyThisList");
            return new ListSettings(title, root.String("UnsubscribePage") ?? "", setting, root.Bool("ConfirmedOptIn") ?? false,
                root.String("ConfirmationSuccessPage") ?? "", root.Bool("AddUnsubscribesToSuppList") ?? false, root.Bool("ScrubActiveWithSuppList") ?? false);
        }
        catch (FormatException ex)
        {
            error = ApiResults.BadBody(ex.Message);
            return empty;
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
