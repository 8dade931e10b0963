using System.Text.RegularExpressions;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// What counts as a well-formed email address here: one '@', a local part and a dotted domain without spaces, quotes,
/// brackets or control characters, at most 254 characters. Internationalised (non-ASCII) addresses pass: the API
/// decides for itself whether it takes them, and reports per row when it does not.
/// </summary>
internal static class EmailRule
{
    private static readonly Regex Shape = new(
        @"^[^\s@""(),:;<>\[\]\\\p{C}]+@(?:[^\s@""(),:;<>\[\]\\\p{C}.]+\.)+[^\s@""(),:;<>\[\]\\\p{C}.]{2,}$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static bool IsWellFormed(string email) =>
        email.Length <= 254 && !email.Contains("..", StringComparison.Ordinal) && !email.StartsWith('.') && !email.Contains(".@", StringComparison.Ordinal)
        && Shape.IsMatch(email);

    /// <summary>A 64-bit fingerprint of the normalised address: what the duplicate check keeps, so memory stays small for millions of rows.</summary>
    public static ulong Fingerprint(string email)
    {
        var hash = new Fnv1a();
        foreach (var c in email.AsSpan().Trim())
            hash.Add(char.ToLowerInvariant(c));
        return hash.Value;
    }
}
