using CampaignMonitor.Core.Api;

namespace CampaignMonitor.Core.Tests.Support;

internal static class TestClients
{
    public const string ApiKey = "test-api-key-5f2c9a7e31d4";

    /// <summary>A client over a stub handler, on a clock that does not sleep.</summary>
    public static CampaignMonitorClient Create(HttpMessageHandler handler, Action<CampaignMonitorClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new CampaignMonitorClientOptions
        {
            ApiKey = ApiKey,
            TimeProvider = time ?? new InstantTimeProvider(),
            // Longer than the instant clock's horizon, so timeouts only happen in tests that ask for them.
            Timeout = TimeSpan.FromHours(1),
        };
        configure?.Invoke(options);
        return new CampaignMonitorClient(options, handler);
    }

    /// <summary>A client that answers every request with the same body.</summary>
    public static (CampaignMonitorClient Client, StubHandler Handler) Serving(string json, System.Net.HttpStatusCode status = System.Net.HttpStatusCode.OK)
    {
        var handler = new StubHandler(_ => StubHandler.Json(json, status));
        return (Create(handler), handler);
    }

    public static async Task<List<T>> Take<T>(IAsyncEnumerable<T> stream, int count)
    {
        var items = new List<T>();
        await foreach (var item in stream)
        {
            items.Add(item);
            if (items.Count == count)
                break;
        }
        return items;
    }
}
