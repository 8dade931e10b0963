using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CampaignMonitor.Core.Sandbox;

/// <summary>How to start a sandbox.</summary>
public sealed class SandboxStartOptions
{
    /// <summary>Path of CampaignMonitor.Sandbox.dll.</summary>
    public string SandboxPath { get; set; } = "";
    /// <summary>0 for any free port.</summary>
    public int Port { get; set; }
    public string ApiKey { get; set; } = "";
    public string ClientId { get; set; } = "";
    /// <summary>The sandbox exits by itself when this process does.</summary>
    public int? ParentProcessId { get; set; } = Environment.ProcessId;
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// A sandbox running as a child process. It never shares our stdout/stderr (its output is piped and drained
/// here), gets the API key on stdin (never on the command line), and stops when its parent process goes away.
/// </summary>
public sealed class SandboxProcess : IDisposable
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
        if (!File.Exists(options.SandboxPath))
            throw new FileNotFoundException($"The sandbox program is missing at '{options.SandboxPath}'. Rebuild the module (build.ps1 Build).", options.SandboxPath);
        var dotnet = DotnetHost.Find();
        DotnetHost.RequireAspNetCore(dotnet);

        var start = new ProcessStartInfo(dotnet)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(options.SandboxPath);
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
                throw new InvalidOperationException($"The sandbox exited (code {process.ExitCode}) before it was ready. {Errors(errors)}");
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

/// <summary>Finds the dotnet host that runs the sandbox, and checks it has the ASP.NET Core runtime.</summary>
public static class DotnetHost
{
    public const string RequiredAspNetCoreMajor = "10.";

    public static string Find()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        // Under `dotnet pwsh` (the local tool) this process is dotnet itself.
        if (Environment.ProcessPath is { } self && string.Equals(Path.GetFileName(self), exe, StringComparison.OrdinalIgnoreCase))
            return self;
        foreach (var root in new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT"), Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host ? Path.GetDirectoryName(host) : null })
        {
            if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, exe)))
                return Path.Combine(root, exe);
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, exe);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException(
            "The sandbox needs the .NET runtime with ASP.NET Core 10 ('dotnet' was not found). Install the ASP.NET Core Runtime 10.0 from https://dotnet.microsoft.com/download/dotnet/10.0, or set DOTNET_ROOT.");
    }

    public static void RequireAspNetCore(string dotnet)
    {
        var root = Path.GetDirectoryName(ResolveLink(dotnet))!;
        var shared = Path.Combine(root, "shared", "Microsoft.AspNetCore.App");
        var found = Directory.Exists(shared) && Directory.EnumerateDirectories(shared).Any(d => Path.GetFileName(d).StartsWith(RequiredAspNetCoreMajor, StringComparison.Ordinal));
        if (!found)
        {
            throw new InvalidOperationException(
                $"The sandbox needs the ASP.NET Core Runtime 10.0 (Microsoft.AspNetCore.App), which '{root}' does not have. Install it from https://dotnet.microsoft.com/download/dotnet/10.0 (for example: apt-get install aspnetcore-runtime-10.0).");
        }
    }

    private static string ResolveLink(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? path : (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path);
    }
}
