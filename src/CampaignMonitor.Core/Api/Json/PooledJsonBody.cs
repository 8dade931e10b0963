using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CampaignMonitor.Core.Api.Json;

/// <summary>
/// A request body serialized into a buffer rented from the shared pool and given back on dispose. An import body of
/// 1000 subscribers is a few hundred kilobytes: as a fresh array each would land on the large object heap, and a
/// send of many batches would then pay for full garbage collections it does not need.
/// </summary>
internal sealed class PooledJsonBody : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _written;

    private PooledJsonBody(int initialSize) => _buffer = ArrayPool<byte>.Shared.Rent(initialSize);

    public static PooledJsonBody Serialize<T>(T value, JsonTypeInfo<T> typeInfo, int initialSize = 64 * 1024)
    {
        var body = new PooledJsonBody(initialSize);
        try
        {
            using var writer = new Utf8JsonWriter(body);
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        catch
        {
            body.Dispose();
            throw;
        }
        return body;
    }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _written);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
            return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, Array.Empty<byte>());
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
        _written = 0;
    }
}
