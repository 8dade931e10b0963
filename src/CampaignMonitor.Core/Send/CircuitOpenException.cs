namespace CampaignMonitor.Core.Send;

/// <summary>A batch not sent because the API kept failing: the circuit is open.</summary>
internal sealed class CircuitOpenException : Exception
{
    public CircuitOpenException(int failures)
        : base($"not sent: {failures} batches in a row could not be delivered, so Campaign Monitor is taken to be unavailable and the rest of the send is stopped")
    {
    }
}
