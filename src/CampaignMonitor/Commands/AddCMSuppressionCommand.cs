using System.Management.Automation;
using CampaignMonitor.Base;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Commands;

/// <summary>Adds addresses to a client's suppression list (never emailed again), in batches of 100.</summary>
[Cmdlet(VerbsCommon.Add, "CMSuppression", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DestinationSet)]
[OutputType(typeof(SuppressionChange))]
public sealed class AddCMSuppressionCommand : SuppressionCmdletBase
{
    private readonly List<string> _batch = new();

    protected override void ProcessRecord()
    {
        foreach (var given in EmailAddress)
        {
            var email = given.Trim();
            if (!ShouldProcess(Masker.Email(email)!, $"Add to the suppression list of credential '{ClientCredential.Name}'"))
                continue;
            _batch.Add(email);
            if (_batch.Count == SuppressRequest.MaxAddresses)
                SendBatch();
        }
    }

    protected override void EndProcessing()
    {
        if (_batch.Count > 0)
            SendBatch();
    }

    /// <summary>One request for up to 100 addresses; a failure is an error for those addresses, and the next batch goes on.</summary>
    private void SendBatch()
    {
        var batch = _batch.ToArray();
        _batch.Clear();
        var client = SuppressionClient();
        var done = ForItem(() => Call(async ct =>
        {
            await client.SuppressAsync(ClientCredential.ClientId, batch, ct).ConfigureAwait(false);
            return true;
        }), $"{batch.Length} addresses from {Masker.Email(batch[0])}");
        WriteRetries();
        if (done && PassThru)
        {
            foreach (var email in batch)
                WriteObject(new SuppressionChange(Masker.Email(email)!, "Suppressed", ClientCredential.Name));
        }
    }
}
