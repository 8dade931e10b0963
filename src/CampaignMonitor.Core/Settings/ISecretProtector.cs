using System.Runtime.InteropServices;
using System.Text;

namespace CampaignMonitor.Core.Settings;

/// <summary>How the API key is kept on disk: DPAPI (CurrentUser) on Windows; elsewhere as is, in an owner-only file.</summary>
internal interface ISecretProtector
{
    byte[] Protect(string secret);
    string Unprotect(byte[] stored);
}
