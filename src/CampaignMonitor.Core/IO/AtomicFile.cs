namespace CampaignMonitor.Core.IO;

/// <summary>Writes a file so that a crash leaves either the old content or the new, never half of it.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Writes into a temporary file beside <paramref name="path"/> (owner-only on Linux and macOS), flushes it to
    /// disk and renames it over the old one. IO failures propagate; the temporary file never stays behind.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temp, options))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
