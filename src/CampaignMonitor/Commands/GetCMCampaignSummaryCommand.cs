using System.Management.Automation;
using CampaignMonitor.Internal;

namespace CampaignMonitor.Commands;

/// <summary>Reads a campaign's summary: recipients, opens, clicks, unsubscribes, bounces and spam complaints.</summary>
[Cmdlet(VerbsCommon.Get, "CMCampaignSummary")]
[OutputType(typeof(CampaignSummary))]
public sealed class GetCMCampaignSummaryCommand : ApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string CampaignId { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public string? Credential { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public string? Destination { get; set; }

    protected override void ProcessRecord()
    {
        var (credential, _) = Resolve(Credential, Destination);
        var client = Client(credential);
        var summary = Call(ct => client.GetCampaignSummaryAsync(CampaignId, ct), CampaignId);
        WriteObject(new CampaignSummary(summary, CampaignId, credential.Name));
    }
}
