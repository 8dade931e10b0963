using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Send;

/// <summary>A row mapped: the subscriber to send, or why not.</summary>
internal readonly record struct MappedRow(SubscriberRecord? Record, Refusal? Refusal);
