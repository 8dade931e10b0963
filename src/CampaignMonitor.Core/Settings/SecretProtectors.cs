using System.Runtime.InteropServices;
using System.Text;

namespace CampaignMonitor.Core.Settings;

internal static class SecretProtectors
{
    public static ISecretProtector ForThisPlatform() =>
        OperatingSystem.IsWindows() ? new DpapiSecretProtector() : new OwnerOnlyFileProtector();
}
