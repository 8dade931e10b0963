namespace CampaignMonitor.Core.Send;

/// <summary>A send that cannot start: the message says why and what to do. Raised before any row is sent.</summary>
internal sealed class SendException : Exception
{
    public SendException(SendErrorKind kind, string message, Exception? inner = null) : base(message, inner) => Kind = kind;

    public SendErrorKind Kind { get; }
}
