using System.Collections;
using System.Management.Automation;
using CampaignMonitor.Core.Sandbox;
using CampaignMonitor.Base;

namespace CampaignMonitor.Commands;

/// <summary>Fills a sandbox list with generated or given subscribers, suppressed addresses and sent campaigns with activity.</summary>
[Cmdlet(VerbsCommon.Add, "CMSandboxData", SupportsShouldProcess = true)]
[OutputType(typeof(SandboxData))]
public sealed class AddCMSandboxDataCommand : SandboxCmdletBase
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string ListName { get; set; } = "";

    [Parameter, ValidateRange(0, 10_000_000)] public int Active { get; set; }
    [Parameter, ValidateRange(0, 10_000_000)] public int Unconfirmed { get; set; }
    [Parameter, ValidateRange(0, 10_000_000)] public int Unsubscribed { get; set; }
    [Parameter, ValidateRange(0, 10_000_000)] public int Bounced { get; set; }
    [Parameter, ValidateRange(0, 10_000_000)] public int Deleted { get; set; }

    /// <summary>Exact subscribers: objects or hashtables with EmailAddress, and optionally Name, State, Date, ConsentToTrack, CustomFields.</summary>
    [Parameter]
    public PSObject[]? Subscriber { get; set; }

    [Parameter]
    public string[]? Suppressed { get; set; }

    [Parameter, ValidateRange(0, 1000)] public int Campaigns { get; set; }
    [Parameter, ValidateRange(0, 10_000_000)] public int RecipientsPerCampaign { get; set; }
    [Parameter, ValidateRange(0, 3650)] public int DaysBack { get; set; } = 30;
    [Parameter] public int Seed { get; set; } = 1;

    protected override void ProcessRecord()
    {
        var sandbox = TargetSandbox();
        var seed = new SandboxSeed
        {
            ListName = ListName, Seed = Seed, Active = Active, Unconfirmed = Unconfirmed, Unsubscribed = Unsubscribed, Bounced = Bounced,
            Deleted = Deleted, DaysBack = DaysBack, Campaigns = Campaigns, RecipientsPerCampaign = RecipientsPerCampaign,
            Suppressed = Suppressed?.ToList() ?? new(),
        };
        var row = 0;
        foreach (var item in Subscriber ?? Array.Empty<PSObject>())
        {
            row++;
            seed.Subscribers.Add(ToSeedSubscriber(item, row));
        }
        if (!ShouldProcess(sandbox.BaseUri, $"Add data to the list '{ListName}'"))
            return;
        var result = CallSandbox(sandbox, (admin, ct) => admin.SeedAsync(seed, ct));
        WriteObject(new SandboxData(result));
    }

    private SandboxSeedSubscriber ToSeedSubscriber(PSObject item, int row)
    {
        string? Get(string name) => item.BaseObject is IDictionary d
            ? (d.Contains(name) ? d[name]?.ToString() : null)
            : item.Properties[name]?.Value?.ToString();
        var email = Get("EmailAddress") ?? Get("Email");
        if (string.IsNullOrWhiteSpace(email))
        {
            Fail(new ArgumentException($"Subscriber {row} has no EmailAddress."), "SubscriberWithoutEmail", ErrorCategory.InvalidData, item);
        }
        var subscriber = new SandboxSeedSubscriber { EmailAddress = email!, Name = Get("Name"), State = Get("State") ?? "Active", ConsentToTrack = Get("ConsentToTrack") };
        if (Get("Date") is { } date && DateTime.TryParse(date, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            subscriber.Date = parsed;
        var fields = item.BaseObject is IDictionary d2 ? d2["CustomFields"] : item.Properties["CustomFields"]?.Value;
        if (fields is PSObject wrapped)
            fields = wrapped.BaseObject;
        if (fields is IDictionary map)
        {
            foreach (DictionaryEntry entry in map)
                subscriber.CustomFields[entry.Key.ToString()!] = entry.Value is IEnumerable list and not string
                    ? string.Join("|", list.Cast<object>())
                    : entry.Value?.ToString() ?? "";
        }
        return subscriber;
    }
}
