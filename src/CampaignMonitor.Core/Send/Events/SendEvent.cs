namespace CampaignMonitor.Core.Send.Events;

/// <summary>
/// Something a send has to tell its host: taken from <see cref="SendEngine.TryTakeEvent"/> on the host's own
/// thread, in the order it happened.
/// </summary>
internal abstract record SendEvent;
