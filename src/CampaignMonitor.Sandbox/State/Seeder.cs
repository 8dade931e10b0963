using System.Globalization;

namespace CampaignMonitor.Sandbox.State;

/// <summary>Generates deterministic test data (thousands or millions of rows) straight into the state.</summary>
internal static class Seeder
{
    private static readonly string[] FirstNames = { "Ava", "Ben", "Chloé", "Dmitri", "Emma", "Farah", "George", "Hana", "Ivan", "Julia", "Kenji", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen", "Yara", "Zoë" };
    private static readonly string[] LastNames = { "Smith", "García", "Müller", "Nguyen", "O'Brien", "Kowalski", "Rossi", "Tanaka", "Dubois", "Silva", "Jensen", "Haddad", "Kim", "Novak", "Ali" };
    private static readonly string[] Cities = { "Sydney|New South Wales|AU|Australia|-33.8683|151.2086", "London|England|GB|United Kingdom|51.5072|-0.1276", "Berlin|Berlin|DE|Germany|52.52|13.405", "Austin|Texas|US|United States|30.2672|-97.7431" };
    private static readonly string[] Urls = { "https://example.com/", "https://example.com/sale", "https://example.com/blog/spring", "https://example.com/account" };

    public static SeedResult Apply(SandboxState state, SeedSpec spec)
    {
        var list = state.FindListByTitle(spec.ListName)
            ?? state.TryAddList(id => new MailingList { ListID = id, Title = spec.ListName }, spec.ListName)
            ?? state.FindListByTitle(spec.ListName)!;
        var random = new Random(spec.Seed);
        var now = state.Now;
        var added = new Dictionary<string, int>();
        lock (list)
        {
            foreach (var (status, count) in new[]
            {
                (SubscriberStatus.Active, spec.Active), (SubscriberStatus.Unconfirmed, spec.Unconfirmed), (SubscriberStatus.Unsubscribed, spec.Unsubscribed),
                (SubscriberStatus.Bounced, spec.Bounced), (SubscriberStatus.Deleted, spec.Deleted),
            })
            {
                var prefix = status.ToString().ToLowerInvariant();
                for (var i = 1; i <= count; i++)
                {
                    var first = FirstNames[random.Next(FirstNames.Length)];
                    var last = LastNames[random.Next(LastNames.Length)];
                    var email = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D7}.s{spec.Seed}@example.com");
                    var stateDate = now.AddMinutes(-random.Next(Math.Max(1, spec.DaysBack * 24 * 60)));
                    list.Subscribers[email] = new Subscriber
                    {
                        EmailAddress = email, Name = first + " " + last, State = status, StateDate = stateDate,
                        ListJoinedDate = stateDate.AddDays(-random.Next(0, 365)), ConsentToTrack = random.Next(3) == 0 ? "No" : "Yes",
                        ReadsEmailWith = random.Next(2) == 0 ? "Gmail" : "",
                    };
                }
                if (count > 0)
                    added[status.ToString()] = count;
            }
            foreach (var row in spec.Subscribers)
            {
                if (!Enum.TryParse<SubscriberStatus>(row.State, ignoreCase: true, out var status))
                    throw new ArgumentException($"'{row.State}' is not a subscriber state (Active, Unconfirmed, Unsubscribed, Bounced, Deleted).");
                var date = row.Date ?? now;
                var subscriber = new Subscriber
                {
                    EmailAddress = row.EmailAddress.Trim(), Name = row.Name, State = status, StateDate = date, ListJoinedDate = date,
                    ConsentToTrack = row.ConsentToTrack ?? "Yes",
                };
                foreach (var (name, value) in row.CustomFields)
                {
                    var field = list.FindField(name) ?? throw new ArgumentException($"The list '{list.Title}' has no custom field '{name}'.");
                    subscriber.Values.Set(field, value.Split('|').Select(list.Shared).ToList());
                }
                list.Subscribers[subscriber.EmailAddress] = subscriber;
                added[status.ToString()] = added.GetValueOrDefault(status.ToString()) + 1;
            }
            list.Version++;
        }
        foreach (var email in spec.Suppressed)
            state.Suppress(email.Trim());

        var campaignIds = new List<string>();
        for (var c = 0; c < spec.Campaigns; c++)
            campaignIds.Add(AddCampaign(state, list, spec, random, now, c));
        return new SeedResult(list.ListID, list.Title, added, spec.Suppressed.Count, campaignIds);
    }

    private static string AddCampaign(SandboxState state, MailingList list, SeedSpec spec, Random random, DateTime now, int index)
    {
        List<string> recipients;
        lock (list)
        {
            recipients = list.Subscribers.Values.Where(s => s.State == SubscriberStatus.Active).Select(s => s.EmailAddress)
                .Order(StringComparer.OrdinalIgnoreCase).ToList();
        }
        if (spec.RecipientsPerCampaign > 0 && recipients.Count > spec.RecipientsPerCampaign)
            recipients = recipients.Take(spec.RecipientsPerCampaign).ToList();
        var idBytes = new byte[16];
        random.NextBytes(idBytes);
        var sent = now.AddDays(-random.Next(0, Math.Max(1, spec.DaysBack))).AddMinutes(-random.Next(0, 24 * 60));
        var campaign = new Campaign
        {
            // The list's title goes in too: two lists seeded with the same seed never share campaign IDs, and the
            // same seed for the same list still gives the same IDs in any sandbox.
            CampaignID = Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{list.Title}|{Convert.ToHexString(idBytes)}"))).ToLowerInvariant(),
            Name = $"Sandbox campaign {index + 1}",
            Subject = $"News #{index + 1} from the sandbox",
            SentDate = sent,
            Tags = index % 2 == 0 ? new() { "newsletter" } : new() { "promo" },
            ListIDs = { list.ListID },
        };
        foreach (var email in recipients)
        {
            campaign.Activity["recipients"].Add(new ActivityRow { EmailAddress = email, ListID = list.ListID });
            var roll = random.NextDouble();
            var ip = $"192.0.2.{random.Next(1, 255)}";
            var place = Cities[random.Next(Cities.Length)].Split('|');
            if (roll < 0.02)
            {
                var hard = random.Next(2) == 0;
                campaign.Activity["bounces"].Add(new ActivityRow
                {
                    EmailAddress = email, ListID = list.ListID, Date = sent.AddMinutes(random.Next(1, 60)),
                    BounceType = hard ? "Hard" : "Soft", Reason = hard ? "Hard Bounce" : "Soft Bounce - Mailbox Full",
                });
                continue;
            }
            if (roll < 0.45)
            {
                var opens = 1 + random.Next(2);
                for (var o = 0; o < opens; o++)
                    campaign.Activity["opens"].Add(Located(email, list.ListID, sent.AddMinutes(random.Next(5, 3 * 24 * 60)), ip, place, null));
                if (roll < 0.18)
                    campaign.Activity["clicks"].Add(Located(email, list.ListID, sent.AddMinutes(random.Next(10, 3 * 24 * 60)), ip, place, Urls[random.Next(Urls.Length)]));
                if (roll < 0.03)
                    campaign.Activity["unsubscribes"].Add(new ActivityRow { EmailAddress = email, ListID = list.ListID, Date = sent.AddHours(random.Next(1, 48)), IPAddress = ip });
                if (roll > 0.448)
                    campaign.Activity["spam"].Add(new ActivityRow { EmailAddress = email, ListID = list.ListID, Date = sent.AddHours(random.Next(1, 48)) });
            }
        }
        state.AddCampaign(campaign);
        return campaign.CampaignID;
    }

    private static ActivityRow Located(string email, string listId, DateTime date, string ip, string[] place, string? url) => new()
    {
        EmailAddress = email, ListID = listId, Date = date, IPAddress = ip, URL = url,
        City = place[0], Region = place[1], CountryCode = place[2], CountryName = place[3],
        Latitude = double.Parse(place[4], CultureInfo.InvariantCulture), Longitude = double.Parse(place[5], CultureInfo.InvariantCulture),
    };
}
