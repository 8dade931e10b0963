using System.Globalization;
using System.Text.Json;
using CampaignMonitor.Sandbox.Endpoints;
using CampaignMonitor.Sandbox.Faults;
using CampaignMonitor.Sandbox.State;

namespace CampaignMonitor.Sandbox;

/// <summary>
/// The sandbox's start-up options. The API key never comes from the command line (every user of <c>ps</c> could
/// read it): it comes from CM_SANDBOX_API_KEY, or from the first line of standard input with --api-key-stdin.
/// </summary>
internal sealed record CommandLine(int Port, string ApiKey, string ClientId, int? ParentProcessId, FaultSettings Faults, SeedSpec? SeedData)
{
    public const string ApiKeyVariable = "CM_SANDBOX_API_KEY";

    public const string Usage = """
        usage: CampaignMonitor.Sandbox [--port N] [--client-id ID] [--api-key-stdin] [--parent-pid PID]
                                       [--faults JSON|@file] [--seed-data JSON|@file]
          The API key comes from CM_SANDBOX_API_KEY or, with --api-key-stdin, the first line of standard input.
          The first line written to standard output is JSON: {"Status":"Listening","BaseUri":...,"ClientId":...}.
        """;

    public static CommandLine Parse(string[] args, string? keyFromEnvironment, TextReader stdin)
    {
        var port = 0;
        var clientId = SandboxState.NewId();
        int? parent = null;
        var keyFromStdin = false;
        var faults = FaultSettings.None;
        SeedSpec? seed = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--port":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                        throw new ArgumentException("--port takes 0 (any free port) to 65535.");
                    break;
                case "--client-id":
                    clientId = Value();
                    break;
                case "--parent-pid":
                    parent = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : throw new ArgumentException("--parent-pid takes a process id.");
                    break;
                case "--api-key-stdin":
                    keyFromStdin = true;
                    break;
                case "--faults":
                    faults = ReadJson<FaultSettings>(Value(), "--faults");
                    if (faults.Problem() is { } problem)
                        throw new ArgumentException("--faults: " + problem);
                    break;
                case "--seed-data":
                    seed = ReadJson<SeedSpec>(Value(), "--seed-data");
                    break;
                case "--api-key":
                    throw new ArgumentException($"The API key is never taken from the command line; set {ApiKeyVariable} or use --api-key-stdin.");
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        var key = keyFromStdin ? stdin.ReadLine()?.Trim() : keyFromEnvironment?.Trim();
        if (string.IsNullOrEmpty(key))
            throw new ArgumentException(keyFromStdin ? "No API key on standard input." : $"Set the API key in {ApiKeyVariable} (or use --api-key-stdin).");
        return new CommandLine(port, key, clientId, parent, faults, seed);
    }

    private static T ReadJson<T>(string value, string option)
    {
        try
        {
            var json = value.StartsWith('@') ? File.ReadAllText(value[1..]) : value;
            return JsonSerializer.Deserialize<T>(json, AdminEndpoints.Json) ?? throw new ArgumentException($"{option} needs a JSON object.");
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            throw new ArgumentException($"{option}: {ex.Message}");
        }
    }
}
