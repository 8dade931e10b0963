using System.Management.Automation;

namespace CampaignMonitor.Internal;

/// <summary>
/// Lets a switch bound by property name take what a CSV round trip gives it: the text True/False, 1/0 or yes/no (any
/// case). Without it, PowerShell binds such text to a switch as nothing at all, and a backup restored with
/// <c>Import-Csv | Add-CMDestination</c> would silently turn every flag off.
/// </summary>
public sealed class SwitchFromTextAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            string text => text.Trim().ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "y" => new SwitchParameter(true),
                "false" or "0" or "no" or "n" or "" => new SwitchParameter(false),
                _ => throw new ArgumentTransformationMetadataException($"'{text}' is not a switch value: give True or False (also 1/0, yes/no)."),
            },
            bool flag => new SwitchParameter(flag),
            _ => inputData,
        };
    }
}
