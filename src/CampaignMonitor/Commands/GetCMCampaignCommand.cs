using System.Management.Automation;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Readers;
using CampaignMonitor.Base;

namespace CampaignMonitor.Commands;

/// <summary>Streams the client's sent campaigns, newest first, filtered by send date and tags.</summary>
[Cmdlet(VerbsCommon.Get, "CMCampaign", DefaultParameterSetName = CredentialSet)]
[OutputType(typeof(Campaign))]
public sealed class GetCMCampaignCommand : ClientReaderCmdletBase
{
    /// <summary>Only campaigns sent on or after this day.</summary>
    [Parameter]
    public DateTime? SentFrom { get; set; }

    /// <summary>Only campaigns sent on or before this day.</summary>
    [Parameter]
    public DateTime? SentTo { get; set; }

    /// <summary>Only campaigns with one of these tags.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Tag { get; set; }

    protected override void ProcessRecord()
    {
        if (SentFrom > SentTo)
        {
            Fail(new PSArgumentException($"-SentFrom ({SentFrom:yyyy-MM-dd}) is after -SentTo ({SentTo:yyyy-MM-dd})."),
                "SentFromAfterSentTo", ErrorCategory.InvalidArgument, SentFrom);
        }
        var (credential, destination) = ResolveCredential(ParameterSetName == CredentialSet ? Credential : null, ParameterSetName == DestinationSet ? Destination : null);
        var client = Client(credential);
        var filter = new SentCampaignFilter { SentFrom = SentFrom, SentTo = SentTo, Tags = Tag };
        if (destination is null)
        {
            SetUp(() => Stream(paging => client.GetSentCampaignsAsync(credential.ClientId, filter, paging, Async.Token),
                c => new Campaign(c, credential.Name), "sent campaigns"), credential.Name);
            return;
        }
        // Only the campaigns sent to the destination's list (or a segment of it).
        var listId = SetUp(() => Call(ct => Resolver.DestinationListIdAsync(client, destination, credential, ct)), destination.ListName);
        SetUp(() => Stream(paging => CampaignReader.SentToListAsync(client, credential.ClientId, listId, filter, paging, Async.Token),
            c => new Campaign(c, credential.Name), $"campaigns sent to {destination.ListName}"), destination.ListName);
    }
}
