using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Core.Send.History;

/// <summary>
/// The run history: one JSON line per send in history/sends.jsonl under the settings folder, newest last, the newest
/// <see cref="Capacity"/> kept. Appends are serialised across processes by the settings lock and written atomically.
/// </summary>
internal sealed partial class SendHistoryStore
{
    public const int Capacity = 1000;
    private const string Folder = "history";
    private const string FileName = "sends.jsonl";
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly SettingsStore _store;

    public SendHistoryStore(SettingsStore store) => _store = store;

    public string FilePath => Path.Combine(_store.Folder, Folder, FileName);

    /// <summary>Adds a run, with any address in its error message replaced, and drops the oldest beyond the capacity.</summary>
    public void Append(SendHistoryEntry entry)
    {
        var line = JsonSerializer.Serialize(entry with { Error = WithoutAddresses(entry.Error) }, Json);
        using (_store.Lock())
        {
            var lines = ReadLines();
            lines.Add(line);
            var kept = lines.Skip(Math.Max(0, lines.Count - Capacity));
            _store.WriteAtomically(FilePath, Encoding.UTF8.GetBytes(string.Join('\n', kept) + "\n"));
        }
    }

    /// <summary>Every run kept, newest first. A line that cannot be read (a hand edit) is left out.</summary>
    public IReadOnlyList<SendHistoryEntry> ReadNewestFirst()
    {
        var entries = new List<SendHistoryEntry>();
        foreach (var line in ReadLines())
        {
            try
            {
                if (JsonSerializer.Deserialize<SendHistoryEntry>(line, Json) is { } entry)
                    entries.Add(entry);
            }
            catch (JsonException)
            {
                _store.Warn($"A line of the run history '{FilePath}' is not valid and was left out.");
            }
        }
        entries.Reverse();
        return entries;
    }

    private List<string> ReadLines()
    {
        if (!File.Exists(FilePath))
            return new List<string>();
        try
        {
            return File.ReadAllLines(FilePath).Where(l => l.Length > 0).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException(SettingsErrorKind.Unavailable, $"The run history '{FilePath}' cannot be read: {ex.Message}", FilePath, ex);
        }
    }

    /// <summary>An error message with every email address in it replaced by "[address]".</summary>
    public static string? WithoutAddresses(string? message) => message is null ? null : Address().Replace(message, "[address]");

    [GeneratedRegex(@"[^\s@'""<>(),;:]+@[^\s@'""<>(),;:]+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
