using System.Globalization;
using CampaignMonitor.Sandbox.State;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>Sent campaigns (v3.3 paged form with date and tag filters), campaign summary and the six reports.</summary>
internal static class CampaignEndpoints
{
    public static readonly string[] Reports = { "recipients", "opens", "clicks", "bounces", "unsubscribes", "spam" };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/clients/{clientId}/campaigns.json", (string clientId, HttpRequest request, SandboxState state) =>
        {
            if (!ListEndpoints.IsClient(state, clientId))
                return ApiResults.UnknownClient();
            var (paging, error) = Paging.Parse(request, "sentdate", "desc", "sentdate");
            if (error is not null)
                return error;
            DateTime? from = null, to = null;
            if (Paging.Get(request.Query, "sentfromdate") is { } fromText)
            {
                if (!DateTime.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f))
                    return ApiResults.Error(920, "Invalid SentFromDate. Use YYYY-MM-DD");
                from = f;
            }
            if (Paging.Get(request.Query, "senttodate") is { } toText)
            {
                if (!DateTime.TryParseExact(toText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                    return ApiResults.Error(922, "Invalid SentToDate. Use YYYY-MM-DD");
                to = t;
            }
            if (from > to)
                return ApiResults.Error(927, "SentFromDate must be before SentToDate");
            var tags = Paging.Get(request.Query, "tags")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var rows = state.Campaigns()
                .Where(c => (from is null || c.SentDate.Date >= from) && (to is null || c.SentDate.Date <= to)
                    && (tags is null || tags.Length == 0 || c.Tags.Any(t => tags.Contains(t, StringComparer.OrdinalIgnoreCase))))
                .OrderBy(c => c.SentDate).ThenBy(c => c.CampaignID, StringComparer.Ordinal)
                .ToList();
            if (paging!.Descending)
                rows.Reverse();
            return ApiResults.Ok(paging.Envelope(rows, c => new
            {
                c.WebVersionURL, c.WebVersionTextURL, c.CampaignID, c.Subject, c.Name, c.FromName, c.FromEmail, c.ReplyTo,
                SentDate = QueryDates.Format(c.SentDate), TotalRecipients = c.Activity["recipients"].Count, Tags = c.Tags.ToList(),
            }, "sentdate"));
        });

        api.MapGet("/campaigns/{campaignId}/listsandsegments.json", (string campaignId, SandboxState state) =>
        {
            var c = state.FindCampaign(campaignId);
            if (c is null)
                return ApiResults.UnknownCampaign();
            var lists = c.ListIDs.Select(id => new { ListID = id, Name = state.FindList(id)?.Title ?? "" }).ToList();
            return ApiResults.Ok(new { Lists = lists, Segments = Array.Empty<object>() });
        });

        api.MapGet("/campaigns/{campaignId}/summary.json", (string campaignId, SandboxState state) =>
        {
            var c = state.FindCampaign(campaignId);
            if (c is null)
                return ApiResults.UnknownCampaign();
            var opens = c.Activity["opens"];
            return ApiResults.Ok(new
            {
                Name = c.Name,
                Recipients = c.Activity["recipients"].Count,
                TotalOpened = opens.Count,
                Clicks = c.Activity["clicks"].Count,
                Unsubscribed = c.Activity["unsubscribes"].Count,
                Bounced = c.Activity["bounces"].Count,
                UniqueOpened = opens.Select(o => o.EmailAddress).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
                Mentions = 0,
                Forwards = 0,
                Likes = 0,
                c.WebVersionURL,
                c.WebVersionTextURL,
                WorldviewURL = $"https://sandbox.createsend.invalid/reports/wv/r/{c.CampaignID}",
                SpamComplaints = c.Activity["spam"].Count,
            });
        });

        foreach (var report in Reports)
        {
            api.MapGet($"/campaigns/{{campaignId}}/{report}.json", (string campaignId, HttpRequest request, SandboxState state) =>
                Report(campaignId, report, request, state));
        }
    }

    private static IResult Report(string campaignId, string report, HttpRequest request, SandboxState state)
    {
        var campaign = state.FindCampaign(campaignId);
        if (campaign is null)
            return ApiResults.UnknownCampaign();
        var recipients = report == "recipients";
        var (paging, error) = recipients
            ? Paging.Parse(request, "email", "asc", "email", "list")
            : Paging.Parse(request, "date", "asc", "date", "email", "list");
        if (error is not null)
            return error;
        DateTime? since = null;
        if (!recipients && Paging.Get(request.Query, "date") is { } dateText)
        {
            if (!QueryDates.TryParse(dateText, out var parsed))
                return ApiResults.Error(400, "Invalid date. Use YYYY-MM-DD, optionally with HH:MM:SS");
            since = parsed;
        }
        IEnumerable<ActivityRow> rows = campaign.Activity[report].Where(r => since is null || r.Date >= since);
        rows = paging!.OrderField switch
        {
            "date" => rows.OrderBy(r => r.Date).ThenBy(r => r.EmailAddress, StringComparer.OrdinalIgnoreCase),
            "list" => rows.OrderBy(r => r.ListID, StringComparer.Ordinal).ThenBy(r => r.EmailAddress, StringComparer.OrdinalIgnoreCase),
            _ => rows.OrderBy(r => r.EmailAddress, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Date),
        };
        var ordered = rows.ToList();
        if (paging.Descending)
            ordered.Reverse();
        return ApiResults.Ok(paging.Envelope(ordered, r => Project(report, r), paging.OrderField));
    }

    private static object Project(string report, ActivityRow r) => report switch
    {
        "recipients" => new { r.EmailAddress, r.ListID },
        "opens" => new { r.EmailAddress, r.ListID, Date = Format(r.Date), r.IPAddress, r.Latitude, r.Longitude, r.City, r.Region, r.CountryCode, r.CountryName },
        "clicks" => new { r.EmailAddress, r.URL, r.ListID, Date = Format(r.Date), r.IPAddress, r.Latitude, r.Longitude, r.City, r.Region, r.CountryCode, r.CountryName },
        "bounces" => new { r.EmailAddress, r.ListID, r.BounceType, Date = Format(r.Date), r.Reason },
        "unsubscribes" => new { r.EmailAddress, r.ListID, Date = Format(r.Date), r.IPAddress },
        _ => (object)new { r.EmailAddress, r.ListID, Date = Format(r.Date) },
    };

    private static string Format(DateTime? date) => date is null ? "" : QueryDates.Format(date.Value);
}
