using System.Text.Json;
using CampaignMonitor.Sandbox.Faults;
using CampaignMonitor.Sandbox.State;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>The sandbox's own controls under /_sandbox (same API key): seed data, faults, the mode, the request log, reset.</summary>
internal static class AdminEndpoints
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, PropertyNamingPolicy = null };

    public static void Map(RouteGroupBuilder admin, IHostApplicationLifetime lifetime)
    {
        admin.MapGet("/info", (SandboxState state, SandboxIdentity identity) => Results.Json(new
        {
            identity.ClientId,
            Lists = state.Lists().Select(l => new { l.ListID, l.Title, Subscribers = l.Subscribers.Count }).ToList(),
            Campaigns = state.Campaigns().Count,
            Suppressed = state.SuppressedCount,
        }, Json));

        // What the sandbox holds, after a full collection: its lists' subscribers, for a benchmark to weigh.
        admin.MapGet("/memory", () =>
        {
            var managed = GC.GetTotalMemory(forceFullCollection: true);
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            return Results.Json(new { ManagedBytes = managed, WorkingSetBytes = self.WorkingSet64, PeakWorkingSetBytes = self.PeakWorkingSet64 }, Json);
        });

        admin.MapGet("/requests", (HttpRequest request, RequestLog log) =>
        {
            long.TryParse(Paging.Get(request.Query, "after"), out var after);
            return Results.Json(log.After(after), Json);
        });
        admin.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });

        admin.MapGet("/faults", (FaultControl faults) => Results.Json(faults.Current, Json));
        admin.MapPut("/faults", (HttpContext context, FaultControl faults) =>
        {
            if (!TryRead<FaultSettings>(context, out var settings, out var problem) || (problem = settings!.Problem()) is not null)
                return Refused(problem);
            faults.Set(settings);
            return Results.Json(settings, Json);
        });
        admin.MapDelete("/faults", (FaultControl faults) =>
        {
            faults.Set(FaultSettings.None);
            return Results.NoContent();
        });

        admin.MapGet("/mode", (SandboxMode mode) => Results.Json(mode.Current, Json));
        admin.MapPut("/mode", (HttpContext context, SandboxMode mode) =>
        {
            if (!TryRead<ModeSettings>(context, out var settings, out var problem))
                return Refused(problem);
            mode.Set(settings!);
            return Results.Json(settings, Json);
        });
        admin.MapGet("/bodies", (SandboxMode mode) => Results.Json(mode.Bodies, Json));

        admin.MapPost("/seed", (HttpContext context, SandboxState state) =>
        {
            if (!TryRead<SeedSpec>(context, out var spec, out var problem))
                return Refused(problem);
            try
            {
                return Results.Json(Seeder.Apply(state, spec!), Json);
            }
            catch (ArgumentException ex)
            {
                return Refused(ex.Message);
            }
        });

        admin.MapPost("/reset", (SandboxState state, RequestLog log, FaultControl faults, SandboxMode mode) =>
        {
            state.Reset();
            log.Clear();
            faults.Set(FaultSettings.None);
            mode.Set(ModeSettings.Normal);
            // What big lists held goes back to the system now, not at the next collection that happens to run.
            if (GC.GetGCMemoryInfo().HeapSizeBytes > 128L * 1024 * 1024)
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return Results.NoContent();
        });

        admin.MapPost("/shutdown", () =>
        {
            lifetime.StopApplication();
            return Results.NoContent();
        });
    }

    private static IResult Refused(string? message) => Results.Json(new { Message = message }, Json, statusCode: StatusCodes.Status400BadRequest);

    private static bool TryRead<T>(HttpContext context, out T? value, out string? problem)
    {
        value = default;
        problem = null;
        try
        {
            var bytes = RequestJson.Body(context);
            value = bytes.Length == 0 ? default : JsonSerializer.Deserialize<T>(bytes.Span, Json);
            if (value is null)
                problem = "The request needs a JSON body.";
        }
        catch (JsonException ex)
        {
            problem = ex.Message;
        }
        return problem is null;
    }
}
