using System.Collections;

namespace CampaignMonitor.Core.Settings;

/// <summary>
/// The credential named <c>env</c>: CM_API_KEY, CM_CLIENT_ID and optionally CM_BASE_URI, for CI, containers and
/// Azure Automation, where nothing should be written to disk.
/// </summary>
public static class EnvironmentCredential
{
    public const string Name = "env";
    public const string ApiKeyVariable = "CM_API_KEY";
    public const string ClientIdVariable = "CM_CLIENT_ID";
    public const string BaseUriVariable = "CM_BASE_URI";

    public static bool IsEnvironmentName(string? name) => string.Equals(name, Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The credential the variables define, or null when CM_API_KEY or CM_CLIENT_ID is missing.</summary>
    /// <exception cref="ArgumentException">CM_BASE_URI is set but not usable.</exception>
    public static ApiCredential? Read(IDictionary? variables = null)
    {
        variables ??= Environment.GetEnvironmentVariables();
        var key = variables[ApiKeyVariable] as string;
        var clientId = variables[ClientIdVariable] as string;
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(clientId))
            return null;
        var baseText = variables[BaseUriVariable] as string;
        if (string.IsNullOrWhiteSpace(baseText))
            baseText = Api.CampaignMonitorClientOptions.DefaultBaseUri;
        if (!Uri.TryCreate(baseText.Trim(), UriKind.Absolute, out var baseUri))
            throw new ArgumentException($"{BaseUriVariable} '{baseText}' is not an absolute http(s) URI.");
        return new ApiCredential(Name, clientId.Trim(), key.Trim(), baseUri);
    }
}
