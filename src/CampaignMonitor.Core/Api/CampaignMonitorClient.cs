using System.Text.Json;
using CampaignMonitor.Core.Api.Http;
using CampaignMonitor.Core.Api.Json;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Api;

/// <summary>
/// The Campaign Monitor API v3.3 calls this module uses. Asynchronous, thread-safe, resilient (see
/// <see cref="CampaignMonitorClientOptions"/>); paged endpoints are streams that fetch pages as they are read.
/// </summary>
internal sealed class CampaignMonitorClient : IDisposable
{
    private readonly ApiTransport _transport;

    public CampaignMonitorClient(CampaignMonitorClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _transport = new ApiTransport(options, handler);
        _transport.Retrying += (_, e) => Retrying?.Invoke(this, e);
    }

    /// <summary>Raised before every retry of any request of this client.</summary>
    public event EventHandler<RetryEventArgs>? Retrying;

    /// <summary>How many retries this client has made so far.</summary>
    public long RetryCount => _transport.RetryCount;

    public Uri BaseUri => _transport.BaseUri;

    // ---- lists ---------------------------------------------------------------------------------------------

    public Task<List<ClientList>> GetListsAsync(string clientId, CancellationToken cancellationToken = default) =>
        GetAsync<List<ClientList>>($"clients/{Id(clientId, nameof(clientId))}/lists.json", cancellationToken);

    /// <summary>Creates a list and returns its new ListID.</summary>
    public Task<string> CreateListAsync(string clientId, CreateListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync<string>(HttpMethod.Post, $"lists/{Id(clientId, nameof(clientId))}.json", request, cancellationToken);
    }

    public Task<ListDetails> GetListDetailsAsync(string listId, CancellationToken cancellationToken = default) =>
        GetAsync<ListDetails>($"lists/{Id(listId, nameof(listId))}.json", cancellationToken);

    public Task<ListStats> GetListStatsAsync(string listId, CancellationToken cancellationToken = default) =>
        GetAsync<ListStats>($"lists/{Id(listId, nameof(listId))}/stats.json", cancellationToken);

    // ---- custom fields -------------------------------------------------------------------------------------

    public Task<List<CustomFieldDefinition>> GetCustomFieldsAsync(string listId, CancellationToken cancellationToken = default) =>
        GetAsync<List<CustomFieldDefinition>>($"lists/{Id(listId, nameof(listId))}/customfields.json", cancellationToken);

    /// <summary>Creates a custom field and returns its key, e.g. "[newdatefield]".</summary>
    public Task<string> CreateCustomFieldAsync(string listId, CreateCustomFieldRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync<string>(HttpMethod.Post, $"lists/{Id(listId, nameof(listId))}/customfields.json", request, cancellationToken);
    }

    public Task UpdateCustomFieldOptionsAsync(string listId, string key, UpdateCustomFieldOptionsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync<JsonElement>(HttpMethod.Put,
            $"lists/{Id(listId, nameof(listId))}/customfields/{Id(key, nameof(key))}/options.json", request, cancellationToken);
    }

    // ---- subscribers ---------------------------------------------------------------------------------------

    /// <summary>
    /// Imports up to 1000 subscribers. A partial import (code 210) is returned, not thrown: the good rows are in
    /// the list, the refused ones are in <see cref="ImportResult.FailureDetails"/> and <see cref="ImportResult.IsPartial"/> is set.
    /// </summary>
    public async Task<ImportResult> ImportSubscribersAsync(string listId, ImportSubscribersRequest request, CancellationToken cancellationToken = default)
    {
        using var prepared = PrepareImport(request);
        return await ImportSubscribersAsync(listId, prepared, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks and serializes an import ahead of sending it (see <see cref="PreparedImport"/>).</summary>
    public PreparedImport PrepareImport(ImportSubscribersRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Subscribers.Count == 0)
            throw new ArgumentException("An import needs at least one subscriber (the API answers code 212 otherwise).", nameof(request));
        if (request.Subscribers.Count > ImportSubscribersRequest.MaxSubscribers)
            throw new ArgumentException($"An import takes at most {ImportSubscribersRequest.MaxSubscribers} subscribers, not {request.Subscribers.Count} (the API answers code 209 otherwise).", nameof(request));
        return new PreparedImport(PooledJsonBody.Serialize(request, ApiJsonContext.Default.ImportSubscribersRequest));
    }

    /// <summary>Sends an import prepared by <see cref="PrepareImport"/>; the answer as for the other overload.</summary>
    public async Task<ImportResult> ImportSubscribersAsync(string listId, PreparedImport import, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(import);
        var path = $"subscribers/{Id(listId, nameof(listId))}/import.json";
        var answer = await _transport.SendAsync(HttpMethod.Post, path, import.Body, ImportResult.PartialImportCode, cancellationToken).ConfigureAwait(false);
        if (answer.Error is null)
            return Deserialize<ImportResult>(answer.Body, path);
        // A partial import is a result: the good rows are in the list, the refused ones are in ResultData.
        var partial = answer.Error.ResultData is { } data ? data.Deserialize<ImportResult>(ApiJson.Options) ?? new ImportResult() : new ImportResult();
        partial.IsPartial = true;
        return partial;
    }

    /// <summary>Every subscriber of the list in one state, page after page; <paramref name="since"/> maps to the API's <c>date</c>.</summary>
    public IAsyncEnumerable<ListSubscriber> GetSubscribersAsync(string listId, SubscriberState state, DateTime? since = null,
        PageRequest? paging = null, CancellationToken cancellationToken = default)
    {
        var path = $"lists/{Id(listId, nameof(listId))}/{state.ToString().ToLowerInvariant()}.json";
        var query = new QueryString().Add("date", since is null ? null : ApiDateParser.FormatForQuery(since.Value))
            .Add("includetrackingpreference", "true");
        return Paged<ListSubscriber>(path, query, paging, cancellationToken);
    }

    /// <summary>The API's code for an address the list does not have.</summary>
    public const int SubscriberNotInListCode = 203;

    /// <summary>Moves a subscriber to Deleted. False when the list does not have the address (code 203): it is gone already.</summary>
    public async Task<bool> DeleteSubscriberAsync(string listId, string email, CancellationToken cancellationToken = default)
    {
        var path = $"subscribers/{Id(listId, nameof(listId))}.json" + new QueryString().Add("email", Email(email));
        var answer = await _transport.SendAsync(HttpMethod.Delete, path, null, SubscriberNotInListCode, cancellationToken).ConfigureAwait(false);
        return answer.Error is null;
    }

    /// <summary>Moves a subscriber to Unsubscribed (across the client's lists when the list says AllClientLists). False when the list does not have the address (code 203).</summary>
    public async Task<bool> UnsubscribeAsync(string listId, string email, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new UnsubscribeRequest { EmailAddress = Email(email) }, ApiJson.Options);
        var answer = await _transport.SendAsync(HttpMethod.Post, $"subscribers/{Id(listId, nameof(listId))}/unsubscribe.json", body, SubscriberNotInListCode, cancellationToken).ConfigureAwait(false);
        return answer.Error is null;
    }

    /// <summary>One subscriber's details (custom fields, consent); null when the list does not have the address (code 203).</summary>
    public async Task<ListSubscriber?> GetSubscriberAsync(string listId, string email, CancellationToken cancellationToken = default)
    {
        var path = $"subscribers/{Id(listId, nameof(listId))}.json" + new QueryString().Add("email", Email(email)).Add("includetrackingpreference", "true");
        var answer = await _transport.SendAsync(HttpMethod.Get, path, null, SubscriberNotInListCode, cancellationToken).ConfigureAwait(false);
        return answer.Error is null ? Deserialize<ListSubscriber>(answer.Body, path) : null;
    }

    /// <summary>What was sent to a subscriber and what they did with it; null when the list does not have the address (code 203).</summary>
    public async Task<List<SubscriberHistoryItem>?> GetSubscriberHistoryAsync(string listId, string email, CancellationToken cancellationToken = default)
    {
        var path = $"subscribers/{Id(listId, nameof(listId))}/history.json" + new QueryString().Add("email", Email(email));
        var answer = await _transport.SendAsync(HttpMethod.Get, path, null, SubscriberNotInListCode, cancellationToken).ConfigureAwait(false);
        return answer.Error is null ? Deserialize<List<SubscriberHistoryItem>>(answer.Body, path) : null;
    }

    /// <summary>Every list of the client that has the address, with its state there.</summary>
    public Task<List<ListForEmail>> GetListsForEmailAsync(string clientId, string email, CancellationToken cancellationToken = default) =>
        GetAsync<List<ListForEmail>>($"clients/{Id(clientId, nameof(clientId))}/listsforemail.json" + new QueryString().Add("email", Email(email)), cancellationToken);

    // ---- suppression list ----------------------------------------------------------------------------------

    /// <summary>The client's suppression list, page after page.</summary>
    public IAsyncEnumerable<SuppressedAddress> GetSuppressionListAsync(string clientId, PageRequest? paging = null, CancellationToken cancellationToken = default) =>
        Paged<SuppressedAddress>($"clients/{Id(clientId, nameof(clientId))}/suppressionlist.json", new QueryString(), paging, cancellationToken);

    /// <summary>Adds up to <see cref="SuppressRequest.MaxAddresses"/> addresses to the client's suppression list.</summary>
    public Task SuppressAsync(string clientId, IReadOnlyCollection<string> emails, CancellationToken cancellationToken = default)
    {
        if (emails.Count is 0 or > SuppressRequest.MaxAddresses)
            throw new ArgumentException($"Suppress 1 to {SuppressRequest.MaxAddresses} addresses a request, not {emails.Count}.", nameof(emails));
        return SendAsync<JsonElement>(HttpMethod.Post, $"clients/{Id(clientId, nameof(clientId))}/suppress.json",
            new SuppressRequest { EmailAddresses = emails.Select(Email).ToList() }, cancellationToken);
    }

    /// <summary>The API's code for an address that is not on the suppression list.</summary>
    public const int NotSuppressedCode = 176;

    /// <summary>Takes an address off the suppression list. False when it was not on it (code 176).</summary>
    public async Task<bool> UnsuppressAsync(string clientId, string email, CancellationToken cancellationToken = default)
    {
        var path = $"clients/{Id(clientId, nameof(clientId))}/unsuppress.json" + new QueryString().Add("email", Email(email));
        var answer = await _transport.SendAsync(HttpMethod.Put, path, null, NotSuppressedCode, cancellationToken).ConfigureAwait(false);
        return answer.Error is null;
    }

    private static string Email(string email) =>
        string.IsNullOrWhiteSpace(email) ? throw new ArgumentException("The email address must not be empty.", nameof(email)) : email.Trim();

    // ---- campaigns -----------------------------------------------------------------------------------------

    /// <summary>The client's sent campaigns, newest first (v3.3 paged form; the older bare array is accepted too).</summary>
    public IAsyncEnumerable<SentCampaign> GetSentCampaignsAsync(string clientId, SentCampaignFilter? filter = null,
        PageRequest? paging = null, CancellationToken cancellationToken = default)
    {
        var path = $"clients/{Id(clientId, nameof(clientId))}/campaigns.json";
        var query = new QueryString()
            .Add("sentfromdate", filter?.SentFrom is { } from ? ApiDateParser.FormatDateOnly(from) : null)
            .Add("senttodate", filter?.SentTo is { } to ? ApiDateParser.FormatDateOnly(to) : null)
            .Add("tags", filter?.Tags is { Count: > 0 } tags ? string.Join(",", tags) : null);
        return Paged<SentCampaign>(path, query, paging, cancellationToken);
    }

    /// <summary>The lists and segments a campaign was sent to.</summary>
    public Task<CampaignListsAndSegments> GetCampaignListsAndSegmentsAsync(string campaignId, CancellationToken cancellationToken = default) =>
        GetAsync<CampaignListsAndSegments>($"campaigns/{Id(campaignId, nameof(campaignId))}/listsandsegments.json", cancellationToken);

    public Task<CampaignSummary> GetCampaignSummaryAsync(string campaignId, CancellationToken cancellationToken = default) =>
        GetAsync<CampaignSummary>($"campaigns/{Id(campaignId, nameof(campaignId))}/summary.json", cancellationToken);

    /// <summary>One of the six campaign reports, page after page. <paramref name="since"/> is ignored for recipients, which has no date filter.</summary>
    public IAsyncEnumerable<CampaignActivityItem> GetCampaignActivityAsync(string campaignId, CampaignActivityType type,
        DateTime? since = null, PageRequest? paging = null, CancellationToken cancellationToken = default)
    {
        var path = $"campaigns/{Id(campaignId, nameof(campaignId))}/{CampaignActivityTypes.PathSegment(type)}.json";
        var query = new QueryString().Add("date",
            since is not null && CampaignActivityTypes.SupportsDateFilter(type) ? ApiDateParser.FormatForQuery(since.Value) : null);
        return Paged<CampaignActivityItem>(path, query, paging, cancellationToken);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private IAsyncEnumerable<T> Paged<T>(string path, QueryString query, PageRequest? paging, CancellationToken cancellationToken)
    {
        paging ??= new PageRequest();
        if (paging.PageSize is < PageRequest.MinPageSize or > PageRequest.MaxPageSize)
            throw new ArgumentOutOfRangeException(nameof(paging), paging.PageSize, $"The page size must be {PageRequest.MinPageSize} to {PageRequest.MaxPageSize}.");
        var baseQuery = query.Add("pagesize", paging.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("orderfield", paging.OrderField)
            .Add("orderdirection", paging.OrderDirection);
        return PagedStream.ReadAsync(
            (page, ct) => GetPageAsync<T>(path + baseQuery.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct),
            paging, cancellationToken);
    }

    private async Task<PagedResult<T>> GetPageAsync<T>(string pathAndQuery, CancellationToken cancellationToken)
    {
        var body = await _transport.SendAsync(HttpMethod.Get, pathAndQuery, null, cancellationToken).ConfigureAwait(false);
        if (body.AsSpan().TrimStart().StartsWith("["))
        {
            // Before v3.3 some collections (sent campaigns) were a bare array: one page holding everything.
            var all = Deserialize<List<T>>(body, pathAndQuery);
            return new PagedResult<T> { Results = all, PageNumber = 1, NumberOfPages = 1, PageSize = all.Count, RecordsOnThisPage = all.Count, TotalNumberOfRecords = all.Count };
        }
        return Deserialize<PagedResult<T>>(body, pathAndQuery);
    }

    private Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte>? bytes = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ApiJson.Options);
        return await SendBytesAsync<T>(method, path, bytes, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendBytesAsync<T>(HttpMethod method, string path, ReadOnlyMemory<byte>? body, CancellationToken cancellationToken)
    {
        var text = await _transport.SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        if (typeof(T) == typeof(JsonElement) && string.IsNullOrWhiteSpace(text))
            return default!;
        return Deserialize<T>(text, path);
    }

    private static T Deserialize<T>(string text, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, ApiJson.Options)
                ?? throw new JsonException("The body was JSON null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                $"Campaign Monitor's answer to {ApiTransport.EndpointName(HttpMethod.Get, path).Substring(4)} could not be read as {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Ids go into paths: refuse empty ones and escape the rest (custom field keys have brackets).</summary>
    private static string Id(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"The {name} must not be empty.", name);
        return Uri.EscapeDataString(value.Trim());
    }

    public void Dispose() => _transport.Dispose();
}
