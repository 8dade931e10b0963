namespace CampaignMonitor.Internal;

/// <summary>
/// Runs core async work from a cmdlet's pipeline thread. The core never captures a context
/// (ConfigureAwait(false) throughout), so blocking here cannot deadlock; Ctrl+C cancels through <see cref="Stop"/>.
/// </summary>
internal sealed class PipelineAsync : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken Token => _stopping.Token;

    public T Run<T>(Func<CancellationToken, Task<T>> work) => work(_stopping.Token).GetAwaiter().GetResult();

    public void Run(Func<CancellationToken, Task> work) => work(_stopping.Token).GetAwaiter().GetResult();

    /// <summary>Called from StopProcessing (another thread).</summary>
    public void Stop()
    {
        try { _stopping.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose() => _stopping.Dispose();
}
