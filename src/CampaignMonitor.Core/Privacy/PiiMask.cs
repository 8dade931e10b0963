namespace CampaignMonitor.Core.Privacy;

/// <summary>
/// The one masking rule for sessions with restricted PII access (CM_PII_ACCESS=Restricted): used for everything the
/// module prints, writes to a file or puts in an error.
/// </summary>
public static class PiiMask
{
    /// <summary>"jane.doe@example.com" → "j***@example.com".</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrEmpty(email))
            return email ?? "";
        var at = email.LastIndexOf('@');
        if (at <= 0)
            return Name(email);
        return email[0] + "***" + email[at..];
    }

    /// <summary>"Jane Doe" → "J***".</summary>
    public static string Name(string? name) =>
        string.IsNullOrEmpty(name) ? name ?? "" : name.TrimStart()[..Math.Min(1, name.TrimStart().Length)] + "***";

    /// <summary>"+61 423 153 526" → "***26".</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
            return phone ?? "";
        var digits = new string(phone.Where(char.IsDigit).ToArray());
        return "***" + (digits.Length >= 2 ? digits[^2..] : "");
    }

    /// <summary>Masks every email address inside free text (error messages from the API, for example).</summary>
    public static string EmailsIn(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('@'))
            return text ?? "";
        return System.Text.RegularExpressions.Regex.Replace(text, @"[^\s@'""<>(),;:]+@[^\s@'""<>(),;:]+", m => Email(m.Value));
    }
}
