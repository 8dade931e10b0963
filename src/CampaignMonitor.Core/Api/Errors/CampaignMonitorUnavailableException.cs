namespace CampaignMonitor.Core.Api.Errors;

/// <summary>No usable answer came back: the connection failed, dropped, or timed out on every attempt.</summary>
internal sealed class CampaignMonitorUnavailableException : CampaignMonitorException
{
    public CampaignMonitorUnavailableException(string message, string endpoint, int attempts, Exception? inner)
        : base(message, endpoint, attempts, inner)
    {
    }

    public override ApiErrorKind Kind => ApiErrorKind.Unavailable;
}
