using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>Reads a campaign's summary: recipients, opens, clicks, unsubscribes, bounces and spam complaints.</summary>
[Cmdlet(VerbsCommon.Get, "CMCampaignSummary")]
[OutputType(typeof(CampaignSummary))]
public sealed class GetCMCampaignSummaryCommand : ReaderCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string CampaignId { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public CredentialPipeBind? Credential { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind? Destination { get; set; }

    protected override void ProcessRecord()
    {
        var (credential, _) = ResolveCredential(Credential, Destination);
        var client = Client(credential);
        var campaignId = CampaignId;
        // One unknown campaign among those piped in is an error about that campaign; the others are still read.
        ForItem(() => WriteObject(new CampaignSummary(Call(ct => client.GetCampaignSummaryAsync(campaignId, ct)), campaignId, credential.Name)), campaignId);
    }
}
