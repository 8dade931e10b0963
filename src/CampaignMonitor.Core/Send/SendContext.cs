using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Core.Send;

/// <summary>The settings one send uses, resolved and checked against the session's policy (by the resolver) before any API call.</summary>
internal sealed record SendContext(DestinationRecord Destination, DataTemplateRecord? Template, ApiCredential Credential);
