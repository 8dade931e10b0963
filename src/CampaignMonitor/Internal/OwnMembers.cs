using System.Management.Automation;
using System.Reflection;

namespace CampaignMonitor.Internal;

/// <summary>
/// Finds a property among an object's own members (the note properties Import-Csv, [pscustomobject] and Add-Member
/// give it) before asking the general lookup, which consults the type table and the adapters on every call and was a
/// third of the cost of reading a row. PowerShell keeps those members in <c>PSObject.InstanceMembers</c>, which is not
/// public: it is reached once through reflection, and where a PowerShell has no such member the general lookup is
/// all there is. The general lookup looks at the own members first too, so both find the same property.
/// </summary>
internal static class OwnMembers
{
    private static readonly Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>? InstanceMembers = Find();

    public static PSPropertyInfo? Property(PSObject row, string name) =>
        InstanceMembers is not null && InstanceMembers(row)[name] is PSPropertyInfo own ? own : row.Properties[name];

    private static Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>? Find()
    {
        try
        {
            var getter = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.NonPublic | BindingFlags.Instance)?.GetMethod;
            return getter?.CreateDelegate<Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>>();
        }
        catch (ArgumentException)
        {
            return null; // its type is not what it was: the general lookup it is
        }
    }
}
