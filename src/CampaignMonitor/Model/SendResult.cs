using CampaignMonitor.Core.Privacy;
using CampaignMonitor.Core.Send;

namespace CampaignMonitor;

/// <summary>
/// What Send-CMSubscribers did. Always Received = New + Existing + Duplicates + Rejected + Failed + Skipped + Unchanged
/// + WouldSend.
/// </summary>
public sealed class SendResult
{
    public SendResult()
    {
    }

    /// <param name="summary">The engine's counts (null when no row came in).</param>
    /// <param name="prepared">What preparing the list found and did (null when no row came in).</param>
    internal SendResult(Core.Settings.DestinationRecord destination, SendSummary? summary, PreparedList? prepared, long retries, TimeSpan duration, PiiMasker masker, string? rejectPath)
    {
        Destination = destination.Name;
        ListName = destination.ListName;
        ListId = prepared?.ListId;
        Received = summary?.Received ?? 0;
        New = summary?.New ?? 0;
        Existing = summary?.Existing ?? 0;
        Duplicates = summary?.Duplicates ?? 0;
        Rejected = summary?.Rejected ?? 0;
        Failed = summary?.Failed ?? 0;
        Skipped = summary?.Skipped ?? 0;
        Unchanged = summary?.Unchanged ?? 0;
        WouldSend = summary?.WouldSend ?? 0;
        Batches = summary?.Batches ?? 0;
        Retries = retries;
        Duration = duration;
        Rejects = summary?.Rejects.Select(r => new SendReject(r, masker)).ToArray() ?? Array.Empty<SendReject>();
        WhatIf = summary?.DryRun ?? false;
        ListCreated = prepared?.ListCreated ?? false;
        FieldsCreated = prepared?.FieldsCreated.ToArray() ?? Array.Empty<string>();
        OptionsAdded = prepared?.OptionsAdded.ToArray() ?? Array.Empty<string>();
        RejectPath = rejectPath;
    }

    public string Destination { get; init; } = "";
    public string ListName { get; init; } = "";
    public string? ListId { get; init; }
    public long Received { get; init; }
    public long New { get; init; }
    public long Existing { get; init; }
    /// <summary>Rows whose address an earlier row already had (sent, and the later one won).</summary>
    public long Duplicates { get; init; }
    /// <summary>Rows refused, by our checks or by Campaign Monitor (per row, with a code).</summary>
    public long Rejected { get; init; }
    /// <summary>Rows in batches that could not be delivered.</summary>
    public long Failed { get; init; }
    /// <summary>Rows not sent because an earlier run with the same -CheckpointPath had them confirmed.</summary>
    public long Skipped { get; init; }
    /// <summary>Rows -Incremental did not need to send (0 otherwise).</summary>
    public long Unchanged { get; init; }
    /// <summary>Under -WhatIf only: rows a real send would import (repeated addresses count as Duplicates there too).</summary>
    public long WouldSend { get; init; }
    public int Batches { get; init; }
    public long Retries { get; init; }
    public TimeSpan Duration { get; init; }
    /// <summary>The first 1000 rejected or failed rows; -RejectPath has them all.</summary>
    public SendReject[] Rejects { get; init; } = Array.Empty<SendReject>();
    public bool WhatIf { get; init; }
    /// <summary>The list was created by this send (or, with -WhatIf, would be).</summary>
    public bool ListCreated { get; init; }
    public string[] FieldsCreated { get; init; } = Array.Empty<string>();
    public string[] OptionsAdded { get; init; } = Array.Empty<string>();
    public string? RejectPath { get; init; }
    /// <summary>-Mirror: NotRequested, Done, WhatIf, SkippedFailures, SkippedEmptyInput, RefusedLimit, Stopped or Failed.</summary>
    public string MirrorStatus { get; init; } = "NotRequested";
    /// <summary>-Mirror: members removed (deleted or unsubscribed) because they were not in the input.</summary>
    public long Removed { get; init; }
    /// <summary>-Mirror: members that could not be removed (after the retries).</summary>
    public long RemoveFailed { get; init; }
    /// <summary>-Mirror: members -WhatIf would remove, or that the limit kept from being removed.</summary>
    public long WouldRemove { get; init; }
}
