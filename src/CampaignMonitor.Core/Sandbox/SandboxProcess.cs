using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CampaignMonitor.Core.Sandbox;

/// <summary>
/// A sandbox running as a child process of the PowerShell that runs the module (see <see cref="PowerShellHost"/>).
/// It never shares our stdout/stderr (its output is piped and drained here), gets the API key on stdin (never on
/// the command line), and stops when its parent process goes away.
/// </summary>
internal sealed class SandboxProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors;

    private SandboxProcess(Process process, StringBuilder errors, Uri baseUri, string clientId)
    {
        _process = process;
        _errors = errors;
        BaseUri = baseUri;
        ClientId = clientId;
        ProcessId = process.Id;
    }

    public Uri BaseUri { get; }
    public string ClientId { get; }
    public int ProcessId { get; }

    public bool HasExited
    {
        get { try { return _process.HasExited; } catch (InvalidOperationException) { return true; } }
    }

    public static async Task<SandboxProcess> StartAsync(SandboxStartOptions options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(options.ScriptPath))
            throw new FileNotFoundException($"The sandbox is missing at '{options.ScriptPath}'. Rebuild the module (build.ps1 Build) or reinstall it.", options.ScriptPath);
        var (program, leading) = PowerShellHost.Command(options.ProcessPath, options.PowerShellHome);

        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in leading)
            start.ArgumentList.Add(argument);
        foreach (var argument in new[] { "-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", options.ScriptPath })
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--client-id");
        start.ArgumentList.Add(options.ClientId);
        start.ArgumentList.Add("--api-key-stdin");
        if (options.ParentProcessId is { } parent)
        {
            start.ArgumentList.Add("--parent-pid");
            start.ArgumentList.Add(parent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        start.Environment.Remove("CM_SANDBOX_API_KEY");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        // The process only serves the sandbox: the runtime settings a server of its own would have (no background
        // GC competing with the client on the same cores, no culture data to load).
        start.Environment["DOTNET_gcConcurrent"] = "0";
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The sandbox process did not start.");
        var errors = new StringBuilder();
        try
        {
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
            process.BeginErrorReadLine();
            await process.StandardInput.WriteLineAsync(options.ApiKey).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StartTimeout);
            string? first;
            try
            {
                first = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The sandbox did not start within {options.StartTimeout.TotalSeconds:0} s. {Errors(errors)}");
            }
            if (first is null)
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException(ExitReason(process.ExitCode, errors, options.Port));
            }
            // Keep draining its output so it can never block on a full pipe.
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
            using var ready = JsonDocument.Parse(first);
            var baseUri = new Uri(ready.RootElement.GetProperty("BaseUri").GetString()!);
            return new SandboxProcess(process, errors, baseUri, options.ClientId);
        }
        catch
        {
            TryKill(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Why the sandbox exited before it was ready, in one sentence: its first line of error, never a stack trace.</summary>
    private static string ExitReason(int exitCode, StringBuilder errors, int port)
    {
        string first;
        lock (errors)
            first = errors.ToString().Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        first = first.Replace("Unhandled exception. ", "", StringComparison.Ordinal);
        if (first.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            return $"The port {port} is in use by another program. Choose another -Port, or 0 (the default) for any free port.";
        return $"The sandbox exited (code {exitCode}) before it was ready{(first.Length == 0 ? "." : $": {first}")}";
    }

    private static string Errors(StringBuilder errors)
    {
        lock (errors)
            return errors.Length == 0 ? "" : "It said: " + errors.ToString().Trim();
    }

    /// <summary>What the sandbox wrote to stderr (for diagnosing a crash).</summary>
    public string ErrorOutput => Errors(_errors);

    public void Stop()
    {
        TryKill(_process);
        try { _process.WaitForExit(5000); } catch (InvalidOperationException) { }
    }

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }
}
