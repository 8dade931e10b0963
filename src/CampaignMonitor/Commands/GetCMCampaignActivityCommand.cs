using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Completion;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>Streams one of a campaign's reports: recipients, opens, clicks, bounces, unsubscribes or spam complaints.</summary>
[Cmdlet(VerbsCommon.Get, "CMCampaignActivity")]
[OutputType(typeof(CampaignActivity))]
public sealed class GetCMCampaignActivityCommand : ReaderCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string CampaignId { get; set; } = "";

    // A string, not the core's enum: parameter types are read when the module loads, before the core can be.
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateSet("Recipients", "Opens", "Clicks", "Bounces", "Unsubscribes", "SpamComplaints")]
    public string Type { get; set; } = "";

    /// <summary>Only activity on or after this time (not for Recipients, which has no date).</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public CredentialPipeBind? Credential { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind? Destination { get; set; }

    protected override void BeginProcessing()
    {
        if (Since is not null && string.Equals(Type, nameof(CampaignActivityType.Recipients), StringComparison.OrdinalIgnoreCase))
            WriteWarning("-Since is ignored for Recipients: Campaign Monitor keeps no date for them.");
    }

    protected override void ProcessRecord()
    {
        var (credential, _) = ResolveCredential(Credential, Destination);
        var client = Client(credential);
        var masker = Masker;
        var campaignId = CampaignId;
        var type = Enum.Parse<CampaignActivityType>(Type, ignoreCase: true);
        ForItem(() => Stream(paging => client.GetCampaignActivityAsync(campaignId, type, Since, paging, Async.Token),
            a => new CampaignActivity(a, campaignId, type, credential.Name, masker), $"{type} of campaign {campaignId}"), campaignId);
    }
}
