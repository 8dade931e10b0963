using System.Collections;

namespace CampaignMonitor.Core.Settings;

/// <summary>
/// The credential named <c>env</c>: CM_API_KEY, CM_CLIENT_ID and optionally CM_BASE_URI, for CI, containers and
/// Azure Automation, where nothing should be written to disk.
/// </summary>
internal static class EnvironmentCredential
{
    public const string Name = "env";
    public const string ApiKeyVariable = "CM_API_KEY";
    public const string ClientIdVariable = "CM_CLIENT_ID";
    public const string BaseUriVariable = "CM_BASE_URI";

    public static bool IsEnvironmentName(string? name) => string.Equals(name, Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The credential the variables define, or null when CM_API_KEY or CM_CLIENT_ID is missing.</summary>
    /// <exception cref="SettingsException">CM_BASE_URI is set but not usable (kind Invalid).</exception>
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
        // Checked like any credential's client ID and base URI, and said to come from the variable.
        var checkedClientId = FromVariable(ClientIdVariable, () => SettingsValidation.ClientId(clientId));
        var baseUri = FromVariable(BaseUriVariable, () => SettingsValidation.BaseUri(baseText));
        return new ApiCredential(Name, checkedClientId, key.Trim(), new Uri(baseUri));
    }

    private static string FromVariable(string variable, Func<string> check)
    {
        try
        {
            return check();
        }
        catch (SettingsException ex)
        {
            throw new SettingsException(SettingsErrorKind.Invalid, $"{variable}: {ex.Message}", variable, ex);
        }
    }
}
