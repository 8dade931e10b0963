using System.Collections.Concurrent;
using System.Text;

namespace CampaignMonitor.Sandbox.Faults;

/// <summary>
/// How the sandbox answers imports (PUT /_sandbox/mode): normally it applies them to the list. As a stub it answers
/// at once without reading or storing the rows (every row new), so a benchmark measures the client alone; the
/// list reads a send needs still work. With <see cref="ModeSettings.KeepBodies"/> it keeps every import's body
/// as sent (GET /_sandbox/bodies), so a test can compare what two sends put on the wire.
/// </summary>
internal sealed class SandboxMode
{
    private static readonly byte[] EmailProperty = Encoding.UTF8.GetBytes("\"EmailAddress\":");
    private readonly ConcurrentQueue<string> _bodies = new();

    public ModeSettings Current { get; private set; } = ModeSettings.Normal;

    public void Set(ModeSettings settings)
    {
        Current = settings;
        _bodies.Clear();
    }

    /// <summary>The import bodies kept since the mode was set, in the order they arrived.</summary>
    public IReadOnlyList<string> Bodies => _bodies.ToArray();

    public void Keep(ReadOnlySpan<byte> body)
    {
        if (Current.KeepBodies)
            _bodies.Enqueue(Encoding.UTF8.GetString(body));
    }

    /// <summary>The rows of an import body, counted without parsing it (a property name cannot hold an unescaped quote).</summary>
    public static int CountRows(ReadOnlySpan<byte> body)
    {
        var count = 0;
        int at;
        while ((at = body.IndexOf(EmailProperty)) >= 0)
        {
            count++;
            body = body[(at + EmailProperty.Length)..];
        }
        return count;
    }
}
