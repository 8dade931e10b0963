using System.Net;
using System.Text.Json;

namespace CampaignMonitor.Core.Api.Errors;

/// <summary>Turns an error response into an exception whose message says what to check.</summary>
internal static class ApiErrorMapper
{
    public static CampaignMonitorApiException FromResponse(HttpStatusCode status, string? body, string endpoint, int attempts, Uri baseUri)
    {
        var (code, apiMessage, resultData) = ParseBody(body);
        var kind = Classify((int)status, code);
        var detail = code is null
            ? $"HTTP {(int)status} {status}"
            : $"HTTP {(int)status}, code {code}: {apiMessage}";
        var message = kind switch
        {
            ApiErrorKind.Authentication when code is 120 or 121 or 122 =>
                $"Campaign Monitor refused the OAuth token for {endpoint} ({detail}). Get a new token or use an API key.",
            ApiErrorKind.Authentication =>
                $"Campaign Monitor refused the API key for {endpoint} ({detail}). Check that the credential's API key is current and belongs to this account.",
            ApiErrorKind.UnknownId when code == 301 =>
                $"Campaign Monitor does not know the campaign ID used by {endpoint} ({detail}). Check the campaign ID: Get-CMCampaign lists the sent campaigns.",
            ApiErrorKind.UnknownId when code == 102 =>
                $"Campaign Monitor does not know the client ID used by {endpoint} ({detail}). Check the credential's client ID: it must belong to the API key's account.",
            ApiErrorKind.UnknownId =>
                $"Campaign Monitor does not know the list ID used by {endpoint} ({detail}). Check the list ID, or that the list still exists.",
            ApiErrorKind.NotFound =>
                $"Campaign Monitor has nothing at {endpoint} ({detail}). Check the base URI ({baseUri}) and that the list or campaign ID exists.",
            ApiErrorKind.Permission =>
                $"The credential may not use {endpoint} ({detail}). Check the API key's or token's permissions.",
            ApiErrorKind.RateLimited =>
                $"Campaign Monitor kept rate-limiting {endpoint} after {attempts} attempts ({detail}). Send more slowly or try again later.",
            ApiErrorKind.ServerError =>
                $"Campaign Monitor kept failing on {endpoint} after {attempts} attempts ({detail}). Try again later.",
            _ => $"Campaign Monitor refused {endpoint} ({detail}).",
        };
        return new CampaignMonitorApiException(message, endpoint, attempts, (int)status, code, apiMessage, resultData, kind);
    }

    private static ApiErrorKind Classify(int status, int? code)
    {
        if (code is 101 or 102 or 301)
            return ApiErrorKind.UnknownId;
        if (status == 401)
            return code == 60 ? ApiErrorKind.Permission : ApiErrorKind.Authentication;
        if (status == 403 || code == 60)
            return ApiErrorKind.Permission;
        if (status == 404)
            return ApiErrorKind.NotFound;
        if (status == 429)
            return ApiErrorKind.RateLimited;
        if (status >= 500)
            return ApiErrorKind.ServerError;
        return ApiErrorKind.InvalidRequest;
    }

    /// <summary>Reads <c>{Code, Message, ResultData}</c>; any other body (HTML, empty) yields nothing.</summary>
    private static (int? Code, string? Message, string? ResultData) ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return (null, null, null);
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return (null, null, null);
            int? code = null;
            string? message = null;
            string? resultData = null;
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.NameEquals("Code") || string.Equals(property.Name, "code", StringComparison.OrdinalIgnoreCase))
                    code = ReadInt(property.Value);
                else if (string.Equals(property.Name, "Message", StringComparison.OrdinalIgnoreCase))
                    message = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                else if (string.Equals(property.Name, "ResultData", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                    resultData = property.Value.GetRawText();
            }
            return (code, message, resultData);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static int? ReadInt(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var number) => number,
        JsonValueKind.String when int.TryParse(value.GetString(), out var parsed) => parsed,
        _ => null,
    };
}
