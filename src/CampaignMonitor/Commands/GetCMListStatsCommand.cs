using System.Management.Automation;
using CampaignMonitor.Internal;

namespace CampaignMonitor.Commands;

/// <summary>Reads a list's statistics: a destination's master list, or a list by id or name.</summary>
[Cmdlet(VerbsCommon.Get, "CMListStats", DefaultParameterSetName = DestinationSet)]
[OutputType(typeof(ListStats))]
public sealed class GetCMListStatsCommand : ApiCmdlet
{
    private const string DestinationSet = "Destination";
    private const string ListIdSet = "ListId";
    private const string ListNameSet = "ListName";

    [Parameter(ParameterSetName = DestinationSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public string Destination { get; set; } = "";

    [Parameter(ParameterSetName = ListIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ListNameSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public string Credential { get; set; } = "";

    [Parameter(ParameterSetName = ListIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ListId { get; set; } = "";

    [Parameter(ParameterSetName = ListNameSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string ListName { get; set; } = "";

    protected override void ProcessRecord()
    {
        var (credential, destination) = Resolve(ParameterSetName == DestinationSet ? null : Credential, ParameterSetName == DestinationSet ? Destination : null);
        var client = Client(credential);
        var name = destination?.ListName ?? (ParameterSetName == ListNameSet ? ListName : null);
        var listId = name is not null ? ListIdByName(client, credential, name) : ListId;
        var stats = Call(ct => client.GetListStatsAsync(listId, ct), listId);
        WriteObject(new ListStats(listId, name, stats).ToPSObject());
    }
}
