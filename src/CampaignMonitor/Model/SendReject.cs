using CampaignMonitor.Core.Privacy;
using CampaignMonitor.Core.Send;

namespace CampaignMonitor;

/// <summary>One row that was not imported, and why.</summary>
public sealed class SendReject
{
    internal SendReject(RowRejection rejection, PiiMasker masker)
    {
        RowNumber = rejection.RowNumber;
        EmailAddress = masker.Email(rejection.EmailAddress);
        Column = rejection.Column;
        Code = rejection.Code;
        Reason = rejection.Origin == RejectOrigin.Check ? rejection.Reason : masker.Text(rejection.Reason);
        Failed = rejection.NotDelivered;
        Origin = rejection.Origin.ToString();
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
    /// <summary>Who decided: Check (our checks, before sending), Api (Campaign Monitor refused it), Delivery (not delivered) or Stopped.</summary>
    public string Origin { get; }
}
