using CampaignMonitor.Core.Sync;

namespace CampaignMonitor;

/// <summary>
/// What Send-CMSubscribers did. Always Received = New + Existing + Duplicates + Rejected + Failed + Skipped.
/// </summary>
public sealed class SendResult
{
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
    /// <summary>Rows not sent by design (-WhatIf, or confirmed by an earlier run with the same -CheckpointPath).</summary>
    public long Skipped { get; init; }
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
}

/// <summary>One row that was not imported, and why.</summary>
public sealed class SendReject
{
    internal SendReject(RowProblem problem, string emailAddress)
    {
        RowNumber = problem.RowNumber;
        EmailAddress = emailAddress;
        Column = problem.Column;
        Code = problem.Code;
        Reason = problem.Reason;
        Failed = problem.Failed;
    }

    /// <summary>The row's 1-based position in the input.</summary>
    public long RowNumber { get; }
    public string EmailAddress { get; }
    /// <summary>The input column at fault, when the problem is one column's.</summary>
    public string? Column { get; }
    /// <summary>The API's code (e.g. 206) or ours (InvalidEmail, InvalidDate, NotAnOption, TooLong, NotDelivered, ...).</summary>
    public string Code { get; }
    public string Reason { get; }
    /// <summary>True when the row's batch could not be delivered (so it may be sent again as is).</summary>
    public bool Failed { get; }
}
