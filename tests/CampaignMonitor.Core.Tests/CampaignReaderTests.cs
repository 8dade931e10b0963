using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Readers;
using CampaignMonitor.Core.Tests.Support;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>Campaigns narrowed to one list, from each campaign's lists and segments.</summary>
public class CampaignReaderTests
{
    [Fact]
    public async Task OnlyCampaignsSentToTheListOrASegmentOfItAreRead()
    {
        var handler = new StubHandler(request => request.PathAndQuery switch
        {
            var p when p.Contains("/clients/client/campaigns.json") => StubHandler.Json("""
                {"Results":[{"CampaignID":"c1","Name":"To the list"},{"CampaignID":"c2","Name":"Elsewhere"},{"CampaignID":"c3","Name":"To a segment"}],
                 "ResultsOrderedBy":"sentdate","OrderDirection":"desc","PageNumber":1,"PageSize":1000,"RecordsOnThisPage":3,"TotalNumberOfRecords":3,"NumberOfPages":1}
                """),
            var p when p.Contains("/campaigns/c1/listsandsegments.json") => StubHandler.Json("""{"Lists":[{"ListID":"LIST","Name":"News"}],"Segments":[]}"""),
            var p when p.Contains("/campaigns/c2/listsandsegments.json") => StubHandler.Json("""{"Lists":[{"ListID":"other","Name":"Other"}],"Segments":[]}"""),
            _ => StubHandler.Json("""{"Lists":[],"Segments":[{"ListID":"list","SegmentID":"s1","Title":"Gold"}]}"""),
        });
        using var client = TestClients.Create(handler);
        var names = new List<string>();
        await foreach (var campaign in CampaignReader.SentToListAsync(client, "client", "list", new SentCampaignFilter(), new PageRequest()))
            names.Add(campaign.Name ?? "");
        Assert.Equal(new[] { "To the list", "To a segment" }, names);
        Assert.Contains(handler.Requests, r => r.Method == HttpMethod.Get && r.Uri.AbsolutePath.EndsWith("/campaigns/c2/listsandsegments.json"));
    }
}
