using System.Text.Json;
using CampaignMonitor.Sandbox.State;
using CampaignMonitor.Sandbox.Faults;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>Single add and bulk import, with the API's request-level codes (209, 212, 214, 215) and per-row codes.</summary>
internal static class SubscriberEndpoints
{
    public const int MaxImport = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/subscribers/{listId}.json", (string listId, HttpContext context, SandboxState state) =>
        {
            var list = state.FindList(listId);
            if (list is null)
                return ApiResults.UnknownList();
            using var body = RequestJson.Parse(context);
            if (body is null)
                return ApiResults.BadBody("subscriber");
            var badPart = SubscriberWriter.Read(body.RootElement, out var row, out var consentProblem);
            if (badPart is not null)
                return ApiResults.BadBody(badPart);
            if (ConsentError(consentProblem) is { } consentError)
                return consentError;
            bool resubscribe;
            try { resubscribe = body.RootElement.Bool("Resubscribe") ?? false; }
            catch (FormatException) { return ApiResults.BadBody("Resubscribe"); }
            if (!SubscriberWriter.IsValidEmail(row!.EmailAddress))
                return ApiResults.Error(1, "Invalid Email Address");
            lock (list)
            {
                list.Subscribers.TryGetValue(row.EmailAddress, out var existing);
                var refusal = SubscriberWriter.Refusal(existing, state.IsSuppressed(row.EmailAddress), row.EmailAddress, resubscribe);
                if (refusal is not null)
                    return ApiResults.Error(refusal.Code, refusal.Message);
                if (resubscribe)
                    state.Unsuppress(row.EmailAddress);
                // A single add to a confirmed opt-in list waits for the subscriber's confirmation.
                SubscriberWriter.Upsert(list, row, list.ConfirmedOptIn ? SubscriberStatus.Unconfirmed : SubscriberStatus.Active, state.Now);
            }
            return ApiResults.Created(row.EmailAddress);
        });

        api.MapPost("/subscribers/{listId}/import.json", (string listId, HttpContext context, SandboxState state, SandboxMode mode) =>
        {
            var list = state.FindList(listId);
            if (list is null)
                return ApiResults.UnknownList();
            mode.Keep(RequestJson.Body(context).Span);
            if (mode.Current.Stub)
                return StubImport(context);
            using var body = RequestJson.Parse(context);
            if (body is null || !body.RootElement.TryGet("Subscribers", out var subscribers) || subscribers.ValueKind != JsonValueKind.Array)
                return ApiResults.BadBody("subscribers");
            var count = subscribers.GetArrayLength();
            if (count == 0)
                return ApiResults.Error(212, "No subscribers provided in this batch");
            if (count > MaxImport)
                return ApiResults.Error(209, $"Too many subscribers in this batch. You can only add {MaxImport} subscribers in one call");
            bool resubscribe;
            try
            {
                resubscribe = body.RootElement.Bool("Resubscribe") ?? false;
                _ = body.RootElement.Bool("QueueSubscriptionBasedAutoResponders");
                _ = body.RootElement.Bool("RestartSubscriptionBasedAutoresponders");
            }
            catch (FormatException ex)
            {
                return ApiResults.BadBody(ex.Message);
            }

            var rows = new List<IncomingSubscriber>(count);
            foreach (var element in subscribers.EnumerateArray())
            {
                var badPart = SubscriberWriter.Read(element, out var row, out var consentProblem);
                if (badPart is not null)
                    return ApiResults.BadBody(badPart);
                // ConsentToTrack is required on every row since v3.2: one row without it fails the whole request.
                if (ConsentError(consentProblem) is { } consentError)
                    return consentError;
                rows.Add(row!);
            }
            context.Items[Faults.RequestLog.BatchSizeItem] = count;
            return Import(list, rows, resubscribe, state);
        });
    }

    /// <summary>The stub's answer: every row new, nothing read or stored.</summary>
    private static IResult StubImport(HttpContext context)
    {
        var count = SandboxMode.CountRows(RequestJson.Body(context).Span);
        context.Items[Faults.RequestLog.BatchSizeItem] = count;
        return ApiResults.Created(new
        {
            FailureDetails = Array.Empty<object>(),
            TotalUniqueEmailsSubmitted = count,
            TotalExistingSubscribers = 0,
            TotalNewSubscribers = count,
            DuplicateEmailsInSubmission = Array.Empty<string>(),
        });
    }

    private static IResult? ConsentError(string? problem) => problem switch
    {
        "missing" => ApiResults.Error(214, "Please provide a consent to track value."),
        "invalid" => ApiResults.Error(215, "Please provide a valid consent to track value. Valid values are Yes, No and Unchanged."),
        _ => null,
    };

    private static IResult Import(MailingList list, List<IncomingSubscriber> rows, bool resubscribe, SandboxState state)
    {
        var failures = new List<object>();
        var duplicates = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int created = 0, existing = 0;
        var now = state.Now;
        lock (list)
        {
            foreach (var row in rows)
            {
                var firstTime = seen.Add(row.EmailAddress);
                if (!firstTime && !duplicates.Contains(row.EmailAddress, StringComparer.OrdinalIgnoreCase))
                    duplicates.Add(row.EmailAddress);
                if (!SubscriberWriter.IsValidEmail(row.EmailAddress))
                {
                    if (firstTime)
                        failures.Add(new { row.EmailAddress, Code = 1, Message = "Invalid Email Address" });
                    continue;
                }
                list.Subscribers.TryGetValue(row.EmailAddress, out var current);
                var refusal = SubscriberWriter.Refusal(current, state.IsSuppressed(row.EmailAddress), row.EmailAddress, resubscribe);
                if (refusal is not null)
                {
                    if (firstTime)
                        failures.Add(new { refusal.EmailAddress, refusal.Code, refusal.Message });
                    continue;
                }
                if (resubscribe)
                    state.Unsuppress(row.EmailAddress);
                // Within a batch the last row for an address wins; it is counted once.
                var isNew = SubscriberWriter.Upsert(list, row, SubscriberStatus.Active, now);
                if (firstTime)
                {
                    if (isNew) created++;
                    else existing++;
                }
            }
        }
        var result = new
        {
            FailureDetails = failures,
            TotalUniqueEmailsSubmitted = seen.Count,
            TotalExistingSubscribers = existing,
            TotalNewSubscribers = created,
            DuplicateEmailsInSubmission = duplicates,
        };
        return failures.Count == 0
            ? ApiResults.Created(result)
            : ApiResults.ErrorWithData(210, "Subscriber Import had some failures", result);
    }
}
