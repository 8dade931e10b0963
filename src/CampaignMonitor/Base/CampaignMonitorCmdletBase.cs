using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Api.Http;
using CampaignMonitor.Core.Privacy;
using CampaignMonitor.Core.Resolution;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.Errors;
using CampaignMonitor.Internal;

namespace CampaignMonitor.Base;

/// <summary>
/// The base of every cmdlet of the module. It owns what all of them share: the settings and the resolver (names to
/// settings, the session's policy applied once), the PII masker, API clients with their retries reported in the
/// verbose stream, the bridge from the pipeline thread to async work, stopping, disposal, and the one rule for
/// failures:
/// <list type="bullet">
/// <item>a failure of the command's set-up (<see cref="SetUp{T}"/>, <see cref="Fail"/>) is terminating;</item>
/// <item>a failure about one piped item (<see cref="ForItem"/>) is a non-terminating error, and the cmdlet goes on
/// with the next item.</item>
/// </list>
/// Every failure becomes an ErrorRecord through <see cref="ErrorFunnel"/>.
/// </summary>
public abstract class CampaignMonitorCmdletBase : PSCmdlet, IDisposable
{
    private readonly ConcurrentQueue<RetryEventArgs> _retries = new();
    private readonly Dictionary<string, CampaignMonitorClient> _clients = new(StringComparer.OrdinalIgnoreCase);
    private SettingsCatalog? _catalog;
    private SettingsResolver? _resolver;

    internal PipelineAsync Async { get; } = new();

    /// <summary>The settings store; a store's warnings (a corrupt file skipped, say) go to the warning stream.</summary>
    internal SettingsCatalog Catalog => _catalog ??= SettingsCatalog.ForEnvironment(WriteWarning);

    internal SettingsResolver Resolver => _resolver ??= new SettingsResolver(Catalog);

    /// <summary>What this session may see of personal data.</summary>
    internal PiiMasker Masker => PiiMasker.For(Catalog.Policy);

    /// <summary>Runs a step of the command's set-up: any failure it raises ends the command (terminating).</summary>
    internal T SetUp<T>(Func<T> step, object? target)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ErrorFunnel.IsExpected(ex))
        {
            WriteRetries(); // what was tried comes before the error it ended in
            Fail(ex, target);
            throw; // not reached
        }
        finally
        {
            WriteRetries();
        }
    }

    internal void SetUp(Action step, object? target) => SetUp(() =>
    {
        step();
        return true;
    }, target);

    /// <summary>
    /// Runs the work for one piped item: a failure is written as a non-terminating error about that item, and the
    /// cmdlet goes on with the next. Returns false when it failed.
    /// </summary>
    internal bool ForItem(Action work, object? target)
    {
        try
        {
            work();
            return true;
        }
        catch (Exception ex) when (ErrorFunnel.IsExpected(ex))
        {
            WriteRetries();
            WriteError(ErrorFunnel.ToRecord(ex, target));
            return false;
        }
        finally
        {
            WriteRetries();
        }
    }

    /// <summary>Ends the command with a terminating error.</summary>
    [DoesNotReturn]
    internal void Fail(Exception exception, object? target) => Terminate(ErrorFunnel.ToRecord(exception, target));

    /// <summary>Ends the command with a terminating error the cmdlet describes itself.</summary>
    [DoesNotReturn]
    internal void Fail(Exception exception, string errorId, ErrorCategory category, object? target) =>
        Terminate(ErrorFunnel.Create(exception, errorId, category, target));

    [DoesNotReturn]
    private void Terminate(ErrorRecord error)
    {
        OnTerminating(error);
        ThrowTerminatingError(error);
        throw new InvalidOperationException("not reached");
    }

    /// <summary>Told the error that is about to end the command (a send records it in the run history).</summary>
    protected virtual void OnTerminating(ErrorRecord error)
    {
    }

    /// <summary>Runs async work from the pipeline thread (Ctrl+C cancels it). Failures propagate to the caller's SetUp or ForItem.</summary>
    internal T Call<T>(Func<CancellationToken, Task<T>> call)
    {
        try
        {
            return Async.Run(call);
        }
        finally
        {
            WriteRetries();
        }
    }

    /// <summary>One client per credential for the whole pipeline; its retries are written to the verbose stream.</summary>
    internal CampaignMonitorClient Client(ApiCredential credential, Action<CampaignMonitorClientOptions>? configure = null)
    {
        if (!_clients.TryGetValue(credential.Name, out var client))
        {
            var options = credential.ToClientOptions();
            options.UserAgentComment = "PowerShell/" + Host.Version;
            configure?.Invoke(options);
            client = new CampaignMonitorClient(options);
            client.Retrying += (_, e) => _retries.Enqueue(e);
            _clients[credential.Name] = client;
        }
        return client;
    }

    /// <summary>Writes the retries made since the last call (pipeline thread only).</summary>
    internal void WriteRetries()
    {
        while (_retries.TryDequeue(out var retry))
            WriteVerbose(retry.ToString());
    }

    /// <summary>True when the user gave this parameter (so a switch given as -X:$false still counts).</summary>
    internal bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

    protected override void StopProcessing()
    {
        Async.Stop();
        OnStopping();
    }

    /// <summary>Called on another thread when the pipeline is stopped (Ctrl+C), after pending calls were cancelled.</summary>
    protected virtual void OnStopping()
    {
    }

    public void Dispose()
    {
        DisposeOwned();
        foreach (var client in _clients.Values)
            client.Dispose();
        Async.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a cmdlet owns beyond the base's clients.</summary>
    protected virtual void DisposeOwned()
    {
    }
}
