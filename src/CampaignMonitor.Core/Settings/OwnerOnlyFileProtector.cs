using System.Runtime.InteropServices;
using System.Text;

namespace CampaignMonitor.Core.Settings;

/// <summary>
/// Linux and macOS have no user-scoped encryption every host offers; the protection is the file itself: mode 0600
/// in a 0700 folder, created with those modes (the store's job). The bytes are the key in UTF-8.
/// </summary>
internal sealed class OwnerOnlyFileProtector : ISecretProtector
{
    public byte[] Protect(string secret) => Encoding.UTF8.GetBytes(secret);

    public string Unprotect(byte[] stored) => Encoding.UTF8.GetString(stored);
}
