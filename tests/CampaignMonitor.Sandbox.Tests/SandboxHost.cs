using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Sandbox;
using CampaignMonitor.Sandbox.Faults;
using CampaignMonitor.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignMonitor.Sandbox.Tests;

/// <summary>A sandbox on 127.0.0.1 (any free port) in this process: real HTTP, its own state per test.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    public const string ApiKey = "sandbox-test-key-7d41c0";
    public const string ClientId = "0123456789abcdef0123456789abcdef";

    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        Raw = new HttpClient { BaseAddress = baseUri };
        Raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey + ":x")));
        Admin = new SandboxAdminClient(baseUri, ApiKey);
    }

    public Uri BaseUri { get; }

    /// <summary>An authenticated HttpClient for raw requests (contract tests).</summary>
    public HttpClient Raw { get; }

    internal SandboxAdminClient Admin { get; }

    internal static async Task<SandboxHost> StartAsync(FaultSettings? faults = null, SeedSpec? seed = null)
    {
        var app = SandboxApp.Build(new CommandLine(0, ApiKey, ClientId, null, faults ?? FaultSettings.None, seed));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + "/api/v3.3/"));
    }

    /// <summary>The module's API client pointed at this sandbox, with fast retries.</summary>
    internal CampaignMonitorClient Client(Action<CampaignMonitorClientOptions>? configure = null)
    {
        var options = new CampaignMonitorClientOptions
        {
            BaseUri = BaseUri, ApiKey = ApiKey, RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            MaxRetries = 10, Timeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return new CampaignMonitorClient(options);
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null, bool authenticated = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = authenticated ? await Raw.SendAsync(request) : await new HttpClient { BaseAddress = BaseUri }.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body);
    }

    public Task<(int Status, JsonElement Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(int Status, JsonElement Body)> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    /// <summary>Creates a list and returns its id.</summary>
    public async Task<string> CreateListAsync(string title, string settings = "")
    {
        var (status, body) = await PostAsync($"lists/{ClientId}.json", $$"""{"Title":"{{title}}"{{settings}}}""");
        if (status != 201)
            throw new InvalidOperationException($"create list: {status} {body}");
        return body.GetString()!;
    }

    public async Task<string> CreateFieldAsync(string listId, string name, string type, params string[] options)
    {
        var json = JsonSerializer.Serialize(new { FieldName = name, DataType = type, Options = options });
        var (status, body) = await PostAsync($"lists/{listId}/customfields.json", json);
        if (status != 201)
            throw new InvalidOperationException($"create field: {status} {body}");
        return body.GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
