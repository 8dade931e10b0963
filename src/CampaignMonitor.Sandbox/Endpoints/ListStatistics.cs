using CampaignMonitor.Sandbox.State;

namespace CampaignMonitor.Sandbox.Endpoints;

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
