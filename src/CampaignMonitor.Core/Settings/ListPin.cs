namespace CampaignMonitor.Core.Settings;

/// <summary>
/// The list a destination sends to, once found or created: its ID, the name it had then, and the client and API it
/// belongs to (a pin for another client or API is not used).
/// </summary>
internal sealed record ListPin(string ListId, string ListName, string ClientId, string BaseUri);
