namespace CampaignMonitor.Core.Send;

/// <summary>
/// Why our checks refuse a value or a row, before it reaches the API: a short code (InvalidEmail, NotAnOption, ...),
/// a reason a person can act on, and the input column at fault (when one is).
/// </summary>
internal readonly record struct Refusal(string Code, string Reason, string? Column = null);
