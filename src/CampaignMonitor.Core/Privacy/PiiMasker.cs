using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using CampaignMonitor.Core.Send;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Core.Privacy;

/// <summary>
/// The one masker for personal data, built from the session's policy: in a session with restricted PII access
/// (CM_PII_ACCESS=Restricted) it masks every email address, name and phone number the module prints, writes to a
/// file or puts in an error; otherwise it gives values back as they are.
/// </summary>
internal sealed class PiiMasker
{
    private static readonly Regex EmailInText = new(@"[^\s@'""<>(),;:]+@[^\s@'""<>(),;:]+", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Masks nothing.</summary>
    public static readonly PiiMasker None = new(masks: false);

    /// <summary>Masks everything personal.</summary>
    public static readonly PiiMasker Restricted = new(masks: true);

    private PiiMasker(bool masks) => Masks = masks;

    public static PiiMasker For(SessionPolicy policy) => policy.IsPiiRestricted ? Restricted : None;

    /// <summary>True when values are masked.</summary>
    public bool Masks { get; }

    /// <summary>"jane.doe@example.com" → "j***@example.com".</summary>
    [return: NotNullIfNotNull(nameof(email))]
    public string? Email(string? email)
    {
        if (!Masks || string.IsNullOrEmpty(email))
            return email;
        var at = email.LastIndexOf('@');
        return at <= 0 ? MaskName(email) : email[0] + "***" + email[at..];
    }

    /// <summary>"Jane Doe" → "J***".</summary>
    [return: NotNullIfNotNull(nameof(name))]
    public string? Name(string? name) => Masks ? MaskName(name) : name;

    /// <summary>"+61 423 153 526" → "***26".</summary>
    [return: NotNullIfNotNull(nameof(phone))]
    public string? Phone(string? phone)
    {
        if (!Masks || string.IsNullOrEmpty(phone))
            return phone;
        var digits = new string(phone.Where(char.IsDigit).ToArray());
        return "***" + (digits.Length >= 2 ? digits[^2..] : "");
    }

    /// <summary>Masks every email address inside free text (an API's message, for example).</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public string? Text(string? text)
    {
        if (!Masks || string.IsNullOrEmpty(text) || !text.Contains('@'))
            return text;
        return EmailInText.Replace(text, m => Email(m.Value));
    }

    /// <summary>An input value as the column it feeds needs it masked (unmapped and non-personal columns are kept).</summary>
    public string? Value(ColumnTarget? target, string? value)
    {
        if (!Masks || value is null || target is not { IsPersonalData: true })
            return value;
        return target.Kind switch
        {
            TargetKind.EmailAddress => Email(value),
            TargetKind.MobileNumber => Phone(value),
            _ => Name(value),
        };
    }

    [return: NotNullIfNotNull(nameof(name))]
    private static string? MaskName(string? name) =>
        string.IsNullOrEmpty(name) ? name : name.TrimStart()[..Math.Min(1, name.TrimStart().Length)] + "***";
}
