using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Core.Resolution;
using CampaignMonitor.Completion;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>Reads a list's statistics: a destination's master list, or a list by id or name.</summary>
[Cmdlet(VerbsCommon.Get, "CMListStats", DefaultParameterSetName = DestinationSet)]
[OutputType(typeof(ListStats))]
public sealed class GetCMListStatsCommand : ReaderCmdletBase
{
    private const string DestinationSet = "Destination";
    private const string ListIdSet = "ListId";
    private const string ListNameSet = "ListName";

    [Parameter(ParameterSetName = DestinationSet, Mandatory = true, Position = 0)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind Destination { get; set; } = null!;

    [Parameter(ParameterSetName = ListIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ListNameSet, Mandatory = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public CredentialPipeBind Credential { get; set; } = null!;

    [Parameter(ParameterSetName = ListIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ListId { get; set; } = "";

    /// <summary>With -ListId: the list's name, for the result (Get-CMList gives it by property name).</summary>
    [Parameter(ParameterSetName = ListIdSet, ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ListNameSet, Mandatory = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(ListNameCompleter))]
    public ListPipeBind ListName { get; set; } = null!;

    protected override void ProcessRecord()
    {
        var (credential, destination) = ResolveCredential(ParameterSetName == DestinationSet ? null : Credential, ParameterSetName == DestinationSet ? Destination : null);
        var client = Client(credential);
        var name = destination?.ListName ?? (ParameterSetName == ListNameSet ? ListName.Name : Name);
        var listId = ParameterSetName switch
        {
            DestinationSet => SetUp(() => Call(ct => Resolver.DestinationListIdAsync(client, destination!, credential, ct)), name),
            ListNameSet => ListName.ListId ?? SetUp(() => Call(ct => SettingsResolver.ListIdAsync(client, credential, ListName.Name, ct)), name),
            _ => ListId,
        };
        ForItem(() => WriteObject(new ListStats(listId, name, Call(ct => client.GetListStatsAsync(listId, ct))).ToPSObject()), listId);
    }
}
