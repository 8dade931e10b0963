using System.Management.Automation;
using CampaignMonitor.Base;

namespace CampaignMonitor.Commands;

/// <summary>Streams a client's suppression list, every page.</summary>
[Cmdlet(VerbsCommon.Get, "CMSuppression", DefaultParameterSetName = CredentialSet)]
[OutputType(typeof(Suppression))]
public sealed class GetCMSuppressionCommand : ClientReaderCmdletBase
{
    protected override void ProcessRecord()
    {
        var credential = ResolveClient();
        var client = Client(credential);
        var masker = Masker;
        ForItem(() => Stream(paging => client.GetSuppressionListAsync(credential.ClientId, paging, Async.Token),
            s => new Suppression(masker.Email(s.EmailAddress)!, s.Date, s.State, s.SuppressionReason, credential.Name),
            $"the suppression list of credential '{credential.Name}'"), credential.Name);
    }
}
