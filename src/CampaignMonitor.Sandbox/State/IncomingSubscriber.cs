using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignMonitor.Sandbox.State;

/// <summary>One row of an add or import, as read from the request.</summary>
internal sealed record IncomingSubscriber(string EmailAddress, string? Name, bool HasName, string? MobileNumber, bool HasMobile,
    string ConsentToTrack, string? ConsentToSendSms, IReadOnlyList<IncomingFieldValue> CustomFields);
