using System.Management.Automation;

namespace CampaignMonitor.Internal;

/// <summary>
/// Lets -Mapping take what ConvertFrom-Json gives (an object, not a hashtable) as well as a hashtable: the object's
/// properties become entries, in their order, nested specs included.
/// </summary>
public sealed class MappingFromObjectAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        inputData is PSObject { BaseObject: PSCustomObject } ? PlainObjects.Unwrap(inputData)! : inputData;
}
