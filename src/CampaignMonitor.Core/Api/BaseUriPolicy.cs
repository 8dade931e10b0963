using System.Net;

namespace CampaignMonitor.Core.Api;

/// <summary>Which base URIs we will send an API key to.</summary>
internal static class BaseUriPolicy
{
    /// <summary>Validates and returns the URI with a trailing slash, or throws <see cref="ArgumentException"/> saying why not.</summary>
    public static Uri Normalize(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
            throw new ArgumentException($"The base URI '{uri}' is not an absolute http(s) URI.", nameof(uri));
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"The base URI '{uri}' must use https.", nameof(uri));
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            throw new ArgumentException(
                $"Refusing to send the API key over plain http to '{uri.Host}'. Use https, or http only for a loopback address such as the local sandbox (127.0.0.1, ::1, localhost).",
                nameof(uri));
        if (!string.IsNullOrEmpty(uri.UserInfo))
            throw new ArgumentException("The base URI must not carry a user name or password; the API key goes in the credential.", nameof(uri));
        var text = uri.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
