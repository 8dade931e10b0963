using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Core.Send;

/// <summary>The settings one send uses, resolved and checked against the session's policy (by the resolver) before any API call.</summary>
/// <param name="Pins">Where the destination's list is pinned once found or created.</param>
internal sealed record SendContext(DestinationRecord Destination, DataTemplateRecord? Template, ApiCredential Credential, ListPinStore Pins);
