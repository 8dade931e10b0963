using System.Management.Automation;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Base;
using CampaignMonitor.Core.Resolution;
using CampaignMonitor.Completion;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>Streams a list's subscribers in one state, every page, as typed objects.</summary>
[Cmdlet(VerbsCommon.Get, "CMSubscriber", DefaultParameterSetName = DestinationSet)]
[OutputType(typeof(Subscriber))]
public sealed class GetCMSubscriberCommand : ReaderCmdletBase
{
    private const string DestinationSet = "Destination";
    private const string ListSet = "ListId";

    [Parameter(ParameterSetName = DestinationSet, Mandatory = true, Position = 0)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind Destination { get; set; } = null!;

    [Parameter(ParameterSetName = ListSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public CredentialPipeBind Credential { get; set; } = null!;

    [Parameter(ParameterSetName = ListSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ListId { get; set; } = "";

    // A string, not the core's enum: parameter types are read when the module loads, before the core can be.
    [Parameter]
    [ValidateSet("Active", "Unconfirmed", "Unsubscribed", "Bounced", "Deleted")]
    public string State { get; set; } = "Active";

    /// <summary>Each custom field also as a property of its own, so Export-Csv writes one column per field.</summary>
    [Parameter]
    public SwitchParameter ExpandCustomFields { get; set; }

    /// <summary>Only subscribers whose state changed on or after this time (the API's date filter).</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    protected override void ProcessRecord()
    {
        var (credential, destination) = ResolveCredential(ParameterSetName == ListSet ? Credential : null, ParameterSetName == DestinationSet ? Destination : null);
        var client = Client(credential);
        var listId = destination is null ? ListId : SetUp(() => Call(ct => Resolver.DestinationListIdAsync(client, destination, credential, ct)), destination.ListName);
        var masker = Masker;
        var state = Enum.Parse<SubscriberState>(State, ignoreCase: true);
        ForItem(() =>
        {
            // The field types (which fields are multi-select) are read while the first page is on its way, not before.
            var fieldsTask = client.GetCustomFieldsAsync(listId, Async.Token);
            IReadOnlyList<CustomFieldDefinition>? fields = null;
            var expand = ExpandCustomFields.IsPresent;
            Stream(paging => client.GetSubscribersAsync(listId, state, Since, paging, Async.Token),
                s =>
                {
                    var subscriber = new Subscriber(s, listId, credential.Name, fields ??= Call(_ => fieldsTask), masker);
                    return expand ? subscriber.WithFieldsExpanded() : subscriber;
                },
                $"{State} subscribers of {destination?.ListName ?? listId}");
            if (!fieldsTask.IsCompleted)
                fieldsTask.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // an empty list never needed them
        }, listId);
    }
}
