namespace CampaignMonitor.Core.Send;

/// <summary>What an input column feeds.</summary>
internal enum TargetKind
{
    EmailAddress,
    Name,
    FirstName,
    LastName,
    MobileNumber,
    ConsentToTrack,
    ConsentToSendSms,
    CustomField,
}
