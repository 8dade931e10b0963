using System.Text;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// The -RejectPath file: one CSV line per rejected or failed row, with the input's columns plus Code and Reason,
/// so the file can be fixed and sent again. Created anew with its header when a send starts (never yesterday's
/// rejects). Every field is quoted; a cell that a spreadsheet would take for a formula (it starts with =, +, -, @,
/// tab or carriage return) gets a leading apostrophe. Each line is written whole.
/// </summary>
internal sealed class RejectFile : IDisposable
{
    private readonly StreamWriter _writer;
    /// <param name="columns">The input's columns, in order: the header, before Code and Reason.</param>
    public RejectFile(string path, IReadOnlyList<string> columns)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _writer.Write(Line(columns.Concat(new[] { "Code", "Reason" })));
    }

    /// <param name="values">The row's values, in the order of the header's columns.</param>
    public void Write(IEnumerable<string?> values, string code, string reason) => _writer.Write(Line(values.Concat(new[] { code, reason })));

    public void Flush() => _writer.Flush();

    private static string Line(IEnumerable<string?> fields)
    {
        var line = new StringBuilder();
        foreach (var field in fields)
        {
            if (line.Length > 0)
                line.Append(',');
            var text = field ?? "";
            line.Append('"');
            if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
                line.Append('\'');
            line.Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        return line.Append("\r\n").ToString();
    }

    public void Dispose() => _writer.Dispose();
}
