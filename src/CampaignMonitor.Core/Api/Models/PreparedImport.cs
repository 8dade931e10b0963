namespace CampaignMonitor.Core.Api.Models;

/// <summary>
/// An import request already checked and serialized (a few hundred kilobytes for 1000 subscribers, in a pooled
/// buffer): made while the batch waits for its turn, so sending it costs the round trip alone. Dispose it once sent.
/// </summary>
internal sealed class PreparedImport : IDisposable
{
    private readonly Json.PooledJsonBody _body;

    internal PreparedImport(Json.PooledJsonBody body) => _body = body;

    internal ReadOnlyMemory<byte> Body => _body.Memory;

    public void Dispose() => _body.Dispose();
}
