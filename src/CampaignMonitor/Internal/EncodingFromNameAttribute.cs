using System.Management.Automation;
using System.Text;

namespace CampaignMonitor.Internal;

/// <summary>
/// Lets an -Encoding parameter take what Import-Csv's takes: the names PowerShell knows (utf8, utf8BOM, utf8NoBOM,
/// unicode, bigendianunicode, utf32, bigendianutf32, ascii, ansi, oem), a code page number (1252) or any encoding
/// name .NET knows (latin1, windows-1252), or an Encoding object.
/// </summary>
public sealed class EncodingFromNameAttribute : ArgumentTransformationAttribute
{
    /// <summary>The names PowerShell's own -Encoding parameters complete.</summary>
    public static readonly string[] Names = { "ansi", "ascii", "bigendianunicode", "bigendianutf32", "oem", "unicode", "utf7", "utf8", "utf8BOM", "utf8NoBOM", "utf32" };

    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        try
        {
            return value switch
            {
                Encoding encoding => encoding,
                int codePage => Encoding.GetEncoding(codePage),
                string text => text.Trim().ToLowerInvariant() switch
                {
                    "utf8" or "utf8nobom" or "utf-8" => new UTF8Encoding(false),
                    "utf8bom" => new UTF8Encoding(true),
                    "unicode" => Encoding.Unicode,
                    "bigendianunicode" => Encoding.BigEndianUnicode,
                    "utf32" => Encoding.UTF32,
                    "bigendianutf32" => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
                    "ascii" => Encoding.ASCII,
#pragma warning disable SYSLIB0001 // PowerShell still accepts utf7
                    "utf7" => Encoding.UTF7,
#pragma warning restore SYSLIB0001
                    // PowerShell's own meaning on this platform: the console's on Windows, UTF-8 elsewhere.
                    "ansi" or "oem" => OperatingSystem.IsWindows() ? Encoding.GetEncoding(System.Globalization.CultureInfo.CurrentCulture.TextInfo.ANSICodePage) : new UTF8Encoding(false),
                    var name when int.TryParse(name, out var codePage) => Encoding.GetEncoding(codePage),
                    var name => Encoding.GetEncoding(name),
                },
                _ => inputData,
            };
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new ArgumentTransformationMetadataException(
                $"'{value}' is not an encoding: give one of {string.Join(", ", Names)}, a code page number (1252) or an encoding name (latin1, windows-1252).", ex);
        }
    }
}
