using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CampaignMonitor.Sandbox;
using CampaignMonitor.Sandbox.Endpoints;
using CampaignMonitor.Sandbox.Faults;
using CampaignMonitor.Sandbox.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.ResponseCompression;

CommandLine options;
try
{
    options = CommandLine.Parse(args, Environment.GetEnvironmentVariable(CommandLine.ApiKeyVariable), Console.In);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"CampaignMonitor.Sandbox: {ex.Message}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

var app = SandboxApp.Build(options);
await app.StartAsync();

var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
// The first line is for the program that started us: where we listen, as one JSON object.
Console.Out.WriteLine(JsonSerializer.Serialize(new
{
    Status = "Listening",
    BaseUri = address.TrimEnd('/') + FaultMiddleware.ApiPrefix + "/",
    ClientId = options.ClientId,
    ProcessId = Environment.ProcessId,
}));
Console.Out.Flush();

if (options.ParentProcessId is { } parentId)
    _ = SandboxApp.StopWhenParentExitsAsync(parentId, app.Lifetime);

await app.WaitForShutdownAsync();
return 0;

namespace CampaignMonitor.Sandbox
{
    internal sealed record SandboxIdentity(string ApiKey, string ClientId);

    internal static class SandboxApp
    {
        public static WebApplication Build(CommandLine options)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
                kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
                kestrel.AddServerHeader = false;
            });
            var state = new SandboxState(options.ClientId, TimeProvider.System);
            builder.Services.AddSingleton(state);
            builder.Services.AddSingleton(new SandboxIdentity(options.ApiKey, options.ClientId));
            builder.Services.AddSingleton(new RequestLog());
            builder.Services.AddSingleton(new FaultControl(options.Faults, TimeProvider.System));
            builder.Services.AddSingleton(new SandboxMode());
            // Answers are compressed when the client asks (Accept-Encoding: br, gzip), as a real API's are: the
            // module's readers are tested decoding them. Fastest levels: the sandbox shares its cores with the client.
            builder.Services.AddResponseCompression(compression =>
            {
                compression.Providers.Add<BrotliCompressionProvider>();
                compression.Providers.Add<GzipCompressionProvider>();
            });
            builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
            builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);

            var app = builder.Build();
            app.UseMiddleware<FaultMiddleware>();
            app.UseResponseCompression();
            var api = app.MapGroup(FaultMiddleware.ApiPrefix);
            api.MapGet("/systemdate.json", (SandboxState s) => ApiResults.Ok(new { SystemDate = QueryDates.Format(s.Now) }));
            ListEndpoints.Map(api);
            CustomFieldEndpoints.Map(api);
            SubscriberEndpoints.Map(api);
            SubscriberRemovalEndpoints.Map(api);
            SubscriberAdministrationEndpoints.Map(api);
            SubscriberStateEndpoints.Map(api);
            CampaignEndpoints.Map(api);
            AdminEndpoints.Map(app.MapGroup("/_sandbox"), app.Lifetime);
            app.MapFallback((HttpContext context) => Results.NotFound());

            if (options.SeedData is not null)
                Seeder.Apply(state, options.SeedData);
            return app;
        }

        /// <summary>An orphaned sandbox must not outlive the session that started it (or hold a CI job open).</summary>
        public static async Task StopWhenParentExitsAsync(int parentId, IHostApplicationLifetime lifetime)
        {
            while (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                try
                {
                    using var parent = Process.GetProcessById(parentId);
                    if (parent.HasExited)
                        break;
                }
                catch (ArgumentException)
                {
                    break;
                }
                catch (InvalidOperationException)
                {
                    break;
                }
                await Task.Delay(500);
            }
            lifetime.StopApplication();
        }
    }
}
