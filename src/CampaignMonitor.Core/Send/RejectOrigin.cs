namespace CampaignMonitor.Core.Send;

/// <summary>Who decided that a row was not imported.</summary>
internal enum RejectOrigin
{
    /// <summary>Our own checks, before the row was sent (it never reached the API).</summary>
    Check,
    /// <summary>Campaign Monitor refused the row (the FailureDetails of a partial import, code 210).</summary>
    Api,
    /// <summary>The row's batch could not be delivered at all (every retry spent, or the circuit was open).</summary>
    Delivery,
    /// <summary>The send was stopped before the row's batch was confirmed: it may or may not have been applied.</summary>
    Stopped,
}
