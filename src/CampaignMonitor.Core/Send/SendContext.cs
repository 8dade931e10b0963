using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Core.Send;

/// <summary>The settings one send uses, resolved and checked against the session's policy before any API call.</summary>
internal sealed class SendContext
{
    public SendContext(DestinationRecord destination, DataTemplateRecord? template, ApiCredential credential, SessionPolicy policy)
    {
        Destination = destination;
        Template = template;
        Credential = credential;
        Policy = policy;
    }

    public DestinationRecord Destination { get; }
    public DataTemplateRecord? Template { get; }
    public ApiCredential Credential { get; }
    public SessionPolicy Policy { get; }
}
