using System.Globalization;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// What counts as a well-formed email address here: one '@', a local part and a dotted domain without spaces, quotes,
/// brackets or control characters, at most 254 characters. Internationalised (non-ASCII) addresses pass: the API
/// decides for itself whether it takes them, and reports per row when it does not.
/// <para>
/// Read character by character rather than with a regular expression: it runs for every row of every send (the
/// compiled expression cost more than the rest of the row's checks together, and compiling it slowed a cold start).
/// The tests hold it to the expression it replaced.
/// </para>
/// </summary>
internal static class EmailRule
{
    public static bool IsWellFormed(string email)
    {
        if (email.Length > 254)
            return false;
        var at = email.IndexOf('@');
        if (at <= 0 || email[0] == '.' || email[at - 1] == '.')
            return false;
        for (var i = 0; i < at; i++)
        {
            if (!IsAddressChar(email[i]) || (email[i] == '.' && email[i + 1] == '.'))
                return false;
        }
        // The domain: at least two labels, none empty, the last of two characters or more.
        var labels = 0;
        var labelLength = 0;
        for (var i = at + 1; i < email.Length; i++)
        {
            var c = email[i];
            if (c == '.')
            {
                if (labelLength == 0)
                    return false;
                labels++;
                labelLength = 0;
            }
            else if (IsAddressChar(c))
            {
                labelLength++;
            }
            else
            {
                return false; // a second '@' among them
            }
        }
        return labels >= 1 && labelLength >= 2;
    }

    /// <summary>Not a space, '@', a quote, bracket or separator, nor a control, format, surrogate, private or unassigned character.</summary>
    private static bool IsAddressChar(char c)
    {
        if (c < 128)
            return c > ' ' && c != 127 && c is not ('@' or '"' or '(' or ')' or ',' or ':' or ';' or '<' or '>' or '[' or ']' or '\\');
        if (char.IsWhiteSpace(c))
            return false;
        return CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
    }

    /// <summary>A 64-bit fingerprint of the normalised address: what the duplicate check keeps, so memory stays small for millions of rows.</summary>
    public static ulong Fingerprint(string email)
    {
        var hash = new Fnv1a();
        foreach (var c in email.AsSpan().Trim())
            hash.Add(char.ToLowerInvariant(c));
        return hash.Value;
    }
}
