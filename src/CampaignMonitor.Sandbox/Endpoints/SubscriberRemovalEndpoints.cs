using CampaignMonitor.Sandbox.State;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>
/// Taking a subscriber off a list: DELETE moves it to Deleted, unsubscribe.json to Unsubscribed. An address the
/// list has never had is 203 "Subscriber not in list"; one already in that state is answered 200 again.
/// </summary>
internal static class SubscriberRemovalEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapDelete("/subscribers/{listId}.json", (string listId, string? email, SandboxState state) =>
            Move(state, listId, email, SubscriberStatus.Deleted));

        api.MapPost("/subscribers/{listId}/unsubscribe.json", (string listId, HttpContext context, SandboxState state) =>
        {
            using var body = RequestJson.Parse(context);
            if (body is null || !body.RootElement.TryGet("EmailAddress", out var email) || email.ValueKind != System.Text.Json.JsonValueKind.String)
                return ApiResults.BadBody("EmailAddress");
            return Move(state, listId, email.GetString(), SubscriberStatus.Unsubscribed);
        });
    }

    private static IResult Move(SandboxState state, string listId, string? email, SubscriberStatus to)
    {
        var list = state.FindList(listId);
        if (list is null)
            return ApiResults.UnknownList();
        if (string.IsNullOrWhiteSpace(email) || !SubscriberWriter.IsValidEmail(email.Trim()))
            return ApiResults.Error(1, "Invalid Email Address");
        lock (list)
        {
            if (!list.Subscribers.TryGetValue(email.Trim(), out var subscriber))
                return ApiResults.Error(203, "Subscriber not in list");
            if (subscriber.State != to)
            {
                subscriber.State = to;
                subscriber.StateDate = state.Now;
                list.Version++; // the paged views of the states are stale now
            }
        }
        return Results.Ok();
    }
}
