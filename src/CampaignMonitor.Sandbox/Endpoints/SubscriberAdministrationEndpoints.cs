using System.Text.Json;
using CampaignMonitor.Sandbox.State;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>
/// One subscriber's details and history, the lists an address is on, and the client's suppression list, with the
/// API's codes: 203 an address the list does not have, 1 a malformed address, 176 unsuppressing an address that is
/// not suppressed, 101/102 an unknown list or client.
/// </summary>
internal static class SubscriberAdministrationEndpoints
{
    private static readonly (string Report, string Event)[] Reports =
    {
        ("opens", "Open"), ("clicks", "Click"), ("bounces", "Bounce"), ("unsubscribes", "Unsubscribe"), ("spam", "Spam"),
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/subscribers/{listId}.json", (string listId, string? email, SandboxState state) =>
            WithMember(state, listId, email, (list, member) =>
            {
                // Details always carry the mobile number, empty when there is none (the list endpoints leave it out).
                var details = SubscriberStateEndpoints.Project(list, member, withConsent: true, withSms: true);
                details.TryAdd("MobileNumber", "");
                return ApiResults.Ok(details);
            }));

        api.MapGet("/subscribers/{listId}/history.json", (string listId, string? email, SandboxState state) =>
            WithMember(state, listId, email, (list, member) => ApiResults.Ok(History(state, list.ListID, member.EmailAddress))));

        api.MapGet("/clients/{clientId}/listsforemail.json", (string clientId, string? email, SandboxState state) =>
        {
            if (!ListEndpoints.IsClient(state, clientId))
                return ApiResults.UnknownClient();
            if (!IsEmail(email))
                return ApiResults.Error(1, "Invalid Email Address");
            var found = new List<object>();
            foreach (var list in state.Lists())
            {
                lock (list)
                {
                    if (list.Subscribers.TryGetValue(email!.Trim(), out var member))
                        found.Add(new { list.ListID, ListName = list.Title, SubscriberState = member.State.ToString(), DateSubscriberAdded = QueryDates.Format(member.ListJoinedDate) });
                }
            }
            return ApiResults.Ok(found);
        });

        api.MapGet("/clients/{clientId}/suppressionlist.json", (string clientId, HttpRequest request, SandboxState state) =>
        {
            if (!ListEndpoints.IsClient(state, clientId))
                return ApiResults.UnknownClient();
            var (paging, error) = Paging.Parse(request, "email", "asc", "email", "date");
            if (error is not null)
                return error;
            var rows = state.Suppressed().ToArray();
            Comparison<SuppressionEntry> compare = paging!.OrderField == "date"
                ? (a, b) => a.Date.CompareTo(b.Date) is var c && c != 0 ? c : string.Compare(a.EmailAddress, b.EmailAddress, StringComparison.OrdinalIgnoreCase)
                : (a, b) => string.Compare(a.EmailAddress, b.EmailAddress, StringComparison.OrdinalIgnoreCase);
            Array.Sort(rows, paging.Descending ? (a, b) => compare(b, a) : compare);
            return ApiResults.Ok(paging.Envelope(rows, s => new { SuppressionReason = s.Reason, s.EmailAddress, Date = QueryDates.Format(s.Date), State = "Suppressed" }, paging.OrderField));
        });

        api.MapPost("/clients/{clientId}/suppress.json", (string clientId, HttpContext context, SandboxState state) =>
        {
            if (!ListEndpoints.IsClient(state, clientId))
                return ApiResults.UnknownClient();
            using var body = RequestJson.Parse(context);
            if (body is null || !body.RootElement.TryGet("EmailAddresses", out var addresses) || addresses.ValueKind != JsonValueKind.Array)
                return ApiResults.BadBody("EmailAddresses");
            var emails = addresses.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()!.Trim() : "").ToList();
            if (emails.FirstOrDefault(e => !IsEmail(e)) is { } bad)
                return ApiResults.Error(1, $"Invalid Email Address: {bad}");
            foreach (var email in emails)
                state.Suppress(email);
            return Results.Ok();
        });

        api.MapPut("/clients/{clientId}/unsuppress.json", (string clientId, string? email, SandboxState state) =>
        {
            if (!ListEndpoints.IsClient(state, clientId))
                return ApiResults.UnknownClient();
            if (!IsEmail(email))
                return ApiResults.Error(1, "Invalid Email Address");
            return state.Unsuppress(email!.Trim()) ? Results.Ok() : ApiResults.Error(176, "Email address not suppressed");
        });
    }

    private static bool IsEmail(string? email) => !string.IsNullOrWhiteSpace(email) && SubscriberWriter.IsValidEmail(email.Trim());

    private static IResult WithMember(SandboxState state, string listId, string? email, Func<MailingList, Subscriber, IResult> answer)
    {
        var list = state.FindList(listId);
        if (list is null)
            return ApiResults.UnknownList();
        if (!IsEmail(email))
            return ApiResults.Error(1, "Invalid Email Address");
        lock (list)
        {
            return list.Subscribers.TryGetValue(email!.Trim(), out var member)
                ? answer(list, member)
                : ApiResults.Error(203, "Subscriber not in list or has already been removed.");
        }
    }

    /// <summary>The campaigns sent to the list that reached the address, newest first, each with what the address did.</summary>
    private static List<object> History(SandboxState state, string listId, string email)
    {
        var items = new List<object>();
        foreach (var campaign in state.Campaigns().Where(c => c.ListIDs.Contains(listId, StringComparer.OrdinalIgnoreCase)).OrderByDescending(c => c.SentDate))
        {
            if (!campaign.Activity["recipients"].Any(r => string.Equals(r.EmailAddress, email, StringComparison.OrdinalIgnoreCase)))
                continue;
            var actions = Reports
                .SelectMany(report => campaign.Activity[report.Report]
                    .Where(r => string.Equals(r.EmailAddress, email, StringComparison.OrdinalIgnoreCase))
                    .Select(r => (r.Date, Action: new { report.Event, Date = r.Date is { } d ? QueryDates.Format(d) : "", IPAddress = r.IPAddress ?? "", Detail = report.Event == "Click" ? r.URL ?? "" : "" })))
                .OrderByDescending(a => a.Date)
                .Select(a => a.Action)
                .ToList<object>();
            items.Add(new { ID = campaign.CampaignID, Type = "Campaign", campaign.Name, Actions = actions });
        }
        return items;
    }
}
