using System.Text;

namespace CampaignMonitor.Core.Api.Http;

/// <summary>An immutable query string builder that leaves out empty values.</summary>
internal readonly struct QueryString
{
    private readonly string? _text;

    private QueryString(string text) => _text = text;

    public QueryString Add(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return this;
        var builder = new StringBuilder(_text ?? "");
        builder.Append(string.IsNullOrEmpty(_text) ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        return new QueryString(builder.ToString());
    }

    public static string operator +(string path, QueryString query) => path + (query._text ?? "");

    public override string ToString() => _text ?? "";
}
