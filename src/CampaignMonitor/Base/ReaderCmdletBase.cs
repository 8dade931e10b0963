using System.Collections.Concurrent;
using System.Management.Automation;
using CampaignMonitor.Core.Api.Http;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Settings;
using CampaignMonitor.PipeBind;

namespace CampaignMonitor.Base;

/// <summary>
/// Base of the cmdlets that read from Campaign Monitor: which credential (and destination) a read uses, and paged
/// streams written as their items arrive.
/// </summary>
public abstract class ReaderCmdletBase : CampaignMonitorCmdletBase
{
    /// <summary>
    /// The credential of -Destination (checked against the session's policy) or else of -Credential. A part of the
    /// command's set-up: a failure here is terminating.
    /// </summary>
    internal (ApiCredential Credential, DestinationRecord? Destination) ResolveCredential(CredentialPipeBind? credential, DestinationPipeBind? destination)
    {
        if (destination is not null)
        {
            var (record, resolved) = SetUp(() => Resolver.Destination(destination.Name), destination.Name);
            return (resolved, record);
        }
        if (credential is not null)
            return (SetUp(() => Resolver.Credential(credential.Name), credential.Name), null);
        Fail(new PSArgumentException("Give -Destination or -Credential (or pipe in what Get-CMCampaign or Get-CMList returned: it carries its credential)."),
            "NoCredential", ErrorCategory.InvalidArgument, null);
        return default;
    }

    /// <summary>
    /// Writes a paged stream as its items arrive, with progress and a verbose line per page. Stopping early
    /// (Select-Object -First) disposes the stream, which cancels the page being fetched ahead. Failures propagate to
    /// the caller's <see cref="CampaignMonitorCmdletBase.ForItem"/> or <see cref="CampaignMonitorCmdletBase.SetUp{T}"/>.
    /// </summary>
    internal void Stream<T>(Func<PageRequest, IAsyncEnumerable<T>> open, Func<T, object> project, string what)
    {
        var pages = new ConcurrentQueue<PageInfo>();
        var paging = new PageRequest { PageFetched = pages.Enqueue };
        var written = 0L;
        var items = open(paging).GetAsyncEnumerator(Async.Token);
        try
        {
            while (Call(_ => items.MoveNextAsync().AsTask()))
            {
                while (pages.TryDequeue(out var page))
                {
                    WriteVerbose($"{what}: page {page.PageNumber} of {Math.Max(page.NumberOfPages, 1)}, {page.RecordsOnThisPage} rows ({page.TotalNumberOfRecords} in all).");
                    if (page.NumberOfPages > 1)
                    {
                        WriteProgress(new ProgressRecord(2, $"Reading {what}", $"page {page.PageNumber} of {page.NumberOfPages}")
                        {
                            PercentComplete = (int)Math.Min(100, 100L * (page.PageNumber - 1) / page.NumberOfPages),
                        });
                    }
                }
                WriteObject(project(items.Current));
                written++;
            }
        }
        finally
        {
            // Also when the pipeline stops us: the prefetched page is cancelled here.
            items.DisposeAsync().AsTask().GetAwaiter().GetResult();
            WriteProgressDone(what);
        }
        WriteVerbose($"{what}: {written} rows.");
    }

    private void WriteProgressDone(string what)
    {
        // Best effort: when the pipeline is stopping, even this write throws, and must not hide why it stopped.
        try { WriteProgress(new ProgressRecord(2, $"Reading {what}", "Done") { RecordType = ProgressRecordType.Completed }); }
        catch (Exception) { }
    }
}
