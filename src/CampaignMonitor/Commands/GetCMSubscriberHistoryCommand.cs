using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Completion;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.Errors;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Commands;

/// <summary>What was sent to subscribers of a destination's list, and what each did with it (opens, clicks, ...).</summary>
[Cmdlet(VerbsCommon.Get, "CMSubscriberHistory")]
[OutputType(typeof(SubscriberActivity))]
public sealed class GetCMSubscriberHistoryCommand : ReaderCmdletBase
{
    private ApiCredential _credential = null!;
    private DestinationRecord _destination = null!;
    private string _listId = "";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(DestinationNameCompleter))]
    public DestinationPipeBind Destination { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Email")]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = Array.Empty<string>();

    protected override void BeginProcessing()
    {
        var (credential, destination) = ResolveCredential(null, Destination);
        _credential = credential;
        _destination = destination!;
        _listId = SetUp(() => Call(ct => Resolver.DestinationListIdAsync(Client(credential), _destination, credential, ct)), _destination.ListName);
    }

    protected override void ProcessRecord()
    {
        var client = Client(_credential);
        var listId = _listId;
        var destination = _destination;
        var masker = Masker;
        foreach (var given in EmailAddress)
        {
            var email = given.Trim();
            var shown = masker.Email(email)!;
            ForItem(() =>
            {
                var history = Call(ct => client.GetSubscriberHistoryAsync(listId, email, ct));
                if (history is null)
                {
                    WriteError(ErrorFunnel.Create(new ItemNotFoundException($"The list '{destination.ListName}' has no subscriber {shown}."),
                        "SubscriberNotFound", ErrorCategory.ObjectNotFound, shown));
                    return;
                }
                foreach (var item in history)
                {
                    foreach (var action in item.Actions)
                        WriteObject(new SubscriberActivity(shown, item.ID, item.Type, item.Name, action.Event, action.Date, masker.Text(action.IPAddress), action.Detail));
                }
            }, shown);
        }
    }
}
