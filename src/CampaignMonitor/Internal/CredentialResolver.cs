using System.Management.Automation;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Internal;

/// <summary>Turns a credential name given to a cmdlet into a usable credential, or a clear terminating error.</summary>
internal static class CredentialResolver
{
    public static ApiCredential Resolve(PSCmdlet cmdlet, string name)
    {
        ApiCredential? credential;
        try
        {
            credential = EnvironmentCredential.IsEnvironmentName(name) ? EnvironmentCredential.Read() : null;
        }
        catch (ArgumentException ex)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Create(ex, "InvalidBaseUri", ErrorCategory.InvalidArgument, name));
            throw; // unreachable: ThrowTerminatingError throws
        }
        if (credential is null)
        {
            var message = EnvironmentCredential.IsEnvironmentName(name)
                ? $"The credential 'env' needs the environment variables {EnvironmentCredential.ApiKeyVariable} and {EnvironmentCredential.ClientIdVariable} (and optionally {EnvironmentCredential.BaseUriVariable})."
                : $"No credential named '{name}' exists. Use the credential 'env' defined by {EnvironmentCredential.ApiKeyVariable} and {EnvironmentCredential.ClientIdVariable}.";
            cmdlet.ThrowTerminatingError(ErrorRecords.Create(new ItemNotFoundException(message), "CredentialNotFound", ErrorCategory.ObjectNotFound, name));
        }
        return credential!;
    }
}
