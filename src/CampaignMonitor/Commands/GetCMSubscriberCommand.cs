using System.Management.Automation;
using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Privacy;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.Base;
using CampaignMonitor.Core.Resolution;
using CampaignMonitor.Completion;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>
/// Streams a list's subscribers in one state, every page, as typed objects; or, with -EmailAddress, looks up the
/// addresses given (each one's details, in whatever state it is).
/// </summary>
[Cmdlet(VerbsCommon.Get, "CMSubscriber", DefaultParameterSetName = DestinationSet)]
[OutputType(typeof(Subscriber))]
public sealed class GetCMSubscriberCommand : ReaderCmdletBase
{
    private const string DestinationSet = "Destination";
    private const string ListSet = "ListId";
    // Looking addresses up has sets of its own: in them the list is given on the command line, so an object piped in
    // (a Get-CMList list, say) is never taken for an address.
    private const string DestinationAddressSet = "DestinationAddress";
    private const string ListAddressSet = "ListIdAddress";

    [Parameter(ParameterSetName = DestinationSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = DestinationAddressSet, Mandatory = true, Position = 0)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind Destination { get; set; } = null!;

    [Parameter(ParameterSetName = ListSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ListAddressSet, Mandatory = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(CredentialNameCompleter))]
    public CredentialPipeBind Credential { get; set; } = null!;

    [Parameter(ParameterSetName = ListSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ListAddressSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string ListId { get; set; } = "";

    // A string, not the core's enum: parameter types are read when the module loads, before the core can be.
    [Parameter(ParameterSetName = DestinationSet)]
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Active", "Unconfirmed", "Unsubscribed", "Bounced", "Deleted")]
    public string State { get; set; } = "Active";

    /// <summary>Each custom field also as a property of its own, so Export-Csv writes one column per field.</summary>
    [Parameter]
    public SwitchParameter ExpandCustomFields { get; set; }

    /// <summary>Only subscribers whose state changed on or after this time (the API's date filter).</summary>
    [Parameter(ParameterSetName = DestinationSet)]
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? Since { get; set; }

    /// <summary>Looks up these addresses (any state) instead of reading the whole list.</summary>
    [Parameter(ParameterSetName = DestinationAddressSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ListAddressSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Email")]
    [ValidateNotNullOrEmpty]
    public string[]? EmailAddress { get; set; }

    // Reference-typed fields only: a struct of core types would be laid out when pwsh reads the cmdlets, before the
    // module's load context can supply the core.
    private ApiCredential? _credential;
    private DestinationRecord? _destination;
    private string? _destinationListId;
    private readonly Dictionary<string, IReadOnlyList<CustomFieldDefinition>> _fieldsOfList = new(StringComparer.OrdinalIgnoreCase);

    protected override void ProcessRecord()
    {
        var byDestination = ParameterSetName is DestinationSet or DestinationAddressSet;
        // Only in the ListId set can the credential change from one piped object to the next; elsewhere the settings
        // are read once, not once per piped address.
        if (ParameterSetName == ListSet || _credential is null)
            (_credential, _destination) = ResolveCredential(byDestination ? null : Credential, byDestination ? Destination : null);
        var (credential, destination) = (_credential!, _destination);
        var client = Client(credential);
        // Found once: with addresses piped in, ProcessRecord runs once per address.
        var listId = destination is null ? ListId : _destinationListId ??= SetUp(() => Call(ct => Resolver.DestinationListIdAsync(client, destination, credential, ct)), destination.ListName);
        var masker = Masker;
        if (EmailAddress is not null)
        {
            LookUp(client, credential, listId, destination?.ListName ?? listId, masker);
            return;
        }
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

    /// <summary>Each address's details; one not in the list is a non-terminating SubscriberNotFound, and the next is read.</summary>
    private void LookUp(CampaignMonitorClient client, ApiCredential credential, string listId, string listName, PiiMasker masker)
    {
        foreach (var email in EmailAddress!)
        {
            ForItem(() =>
            {
                if (!_fieldsOfList.TryGetValue(listId, out var fields))
                    _fieldsOfList[listId] = fields = Call(ct => client.GetCustomFieldsAsync(listId, ct));
                var found = Call(ct => client.GetSubscriberAsync(listId, email, ct));
                if (found is null)
                {
                    WriteError(Errors.ErrorFunnel.Create(new ItemNotFoundException($"The list '{listName}' has no subscriber {masker.Email(email.Trim())}."),
                        "SubscriberNotFound", ErrorCategory.ObjectNotFound, masker.Email(email.Trim())));
                    return;
                }
                var subscriber = new Subscriber(found, listId, credential.Name, fields, masker);
                WriteObject(ExpandCustomFields ? subscriber.WithFieldsExpanded() : subscriber);
            }, masker.Email(email));
        }
    }
}
