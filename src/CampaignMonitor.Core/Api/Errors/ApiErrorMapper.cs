using System.Net;

namespace CampaignMonitor.Core.Api.Errors;

/// <summary>Turns an error response into an exception whose message says what to check.</summary>
internal static class ApiErrorMapper
{
    public static CampaignMonitorApiException FromResponse(HttpStatusCode status, ApiErrorBody error, string endpoint, int attempts, Uri baseUri)
    {
        var (code, apiMessage, _) = error;
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
        return new CampaignMonitorApiException(message, endpoint, attempts, (int)status, code, apiMessage, kind);
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
}
