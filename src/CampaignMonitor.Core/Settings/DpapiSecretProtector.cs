using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;

namespace CampaignMonitor.Core.Settings;

/// <summary>Windows DPAPI, CurrentUser scope, through crypt32 directly (no package to ship).</summary>
internal sealed class DpapiSecretProtector : ISecretProtector
{
    private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("CampaignMonitor PowerShell module API key");

    public byte[] Protect(string secret) => Transform(Encoding.UTF8.GetBytes(secret), protect: true);

    public string Unprotect(byte[] stored) => Encoding.UTF8.GetString(Transform(stored, protect: false));

    private static byte[] Transform(byte[] data, bool protect)
    {
        var input = Pin(data, out var inputHandle);
        var entropy = Pin(Entropy, out var entropyHandle);
        var output = default(DataBlob);
        try
        {
            var ok = protect
                ? CryptProtectData(ref input, null, ref entropy, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref output)
                : CryptUnprotectData(ref input, IntPtr.Zero, ref entropy, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref output);
            if (!ok)
                throw new Win32Exception(Marshal.GetLastWin32Error());
            var result = new byte[output.Size];
            Marshal.Copy(output.Data, result, 0, output.Size);
            return result;
        }
        finally
        {
            inputHandle.Free();
            entropyHandle.Free();
            if (output.Data != IntPtr.Zero)
                LocalFree(output.Data);
        }
    }

    private static DataBlob Pin(byte[] bytes, out GCHandle handle)
    {
        handle = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        return new DataBlob { Size = bytes.Length, Data = handle.AddrOfPinnedObject() };
    }

    private const int UiForbidden = 0x1;

    [StructLayout(LayoutKind.Sequential)]
    private struct DataBlob
    {
        public int Size;
        public IntPtr Data;
    }

    [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
    private static extern bool CryptProtectData(ref DataBlob dataIn, string? description, ref DataBlob entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

    [DllImport("crypt32.dll", SetLastError = true)]
    private static extern bool CryptUnprotectData(ref DataBlob dataIn, IntPtr description, ref DataBlob entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

    [DllImport("kernel32.dll")]
    private static extern IntPtr LocalFree(IntPtr memory);
}
