using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CampaignMonitor.Core.Tests.Support;

/// <summary>An HttpMessageHandler that answers from a function and records every request it saw (with its body).</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;

    public StubHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    public StubHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, body, request.Headers.Authorization?.ToString(),
            request.Headers.UserAgent.ToString(), request.Content?.Headers.ContentType?.ToString());
        Requests.Enqueue(recorded);
        return await _respond(recorded, cancellationToken);
    }

    /// <summary>What this handler answers to a request, without recording it (for a handler that wraps another).</summary>
    public Task<HttpResponseMessage> Respond(RecordedRequest request, CancellationToken cancellationToken) => _respond(request, cancellationToken);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? Authorization, string UserAgent, string? ContentType)
{
    public string PathAndQuery => Uri.PathAndQuery;

    /// <summary>The value of one query parameter, or null.</summary>
    public string? Query(string name)
    {
        foreach (var pair in Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts[0] == name)
                return parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
        }
        return null;
    }
}
