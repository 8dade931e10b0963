using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CampaignMonitor.Core.Sandbox;

/// <summary>Talks to a running sandbox's own controls (/_sandbox): faults, seed data, the request log, reset.</summary>
internal sealed class SandboxAdminClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, PropertyNamingPolicy = null };
    private readonly HttpClient _http;

    public SandboxAdminClient(Uri apiBaseUri, string apiKey)
    {
        // The API lives at /api/v3.3/; the controls at /_sandbox/ on the same host.
        _http = new HttpClient { BaseAddress = new Uri(apiBaseUri, "/_sandbox/"), Timeout = TimeSpan.FromSeconds(100) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":x")));
    }

    public async Task SetFaultsAsync(SandboxFaults faults, CancellationToken cancellationToken = default) =>
        await CheckAsync(await _http.PutAsJsonAsync("faults", faults, Json, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    public async Task<SandboxSeedResult> SeedAsync(SandboxSeed seed, CancellationToken cancellationToken = default)
    {
        var response = await _http.PostAsJsonAsync("seed", seed, Json, cancellationToken).ConfigureAwait(false);
        await CheckAsync(response).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<SandboxSeedResult>(Json, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<List<SandboxRequestEntry>> GetRequestsAsync(long after = 0, CancellationToken cancellationToken = default) =>
        (await _http.GetFromJsonAsync<List<SandboxRequestEntry>>($"requests?after={after}", Json, cancellationToken).ConfigureAwait(false))!;

    public async Task ClearRequestsAsync(CancellationToken cancellationToken = default) =>
        await CheckAsync(await _http.DeleteAsync("requests", cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    public async Task ResetAsync(CancellationToken cancellationToken = default) =>
        await CheckAsync(await _http.PostAsync("reset", null, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    private static async Task CheckAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        string? message = null;
        try { message = JsonDocument.Parse(body).RootElement.GetProperty("Message").GetString(); } catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException) { }
        throw new InvalidOperationException($"The sandbox refused the request (HTTP {(int)response.StatusCode}): {message ?? body}");
    }

    public void Dispose() => _http.Dispose();
}
