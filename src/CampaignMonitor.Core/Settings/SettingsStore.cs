using System.Text.Json;
using System.Text.Json.Serialization;
using CampaignMonitor.Core.IO;

namespace CampaignMonitor.Core.Settings;

/// <summary>
/// Credentials, destinations and data templates as one JSON file each under the settings folder; API keys in
/// their own protected files. Writes are atomic (a temporary file renamed over the old one) and serialised across
/// processes by a lock file. On Linux and macOS every folder is created 0700 and every file 0600, from the start.
/// </summary>
internal sealed class SettingsStore
{
    public const string FolderVariable = "CM_CONFIG_DIR";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ISecretProtector _protector;
    private readonly Action<string> _warn;

    public SettingsStore(string folder, ISecretProtector protector, Action<string>? warn = null)
    {
        Folder = Path.GetFullPath(folder);
        _protector = protector;
        _warn = warn ?? (_ => { });
    }

    /// <summary>The store at the folder the environment says (CM_CONFIG_DIR, else the platform's config folder).</summary>
    public static SettingsStore ForEnvironment(Action<string>? warn = null) =>
        new(DefaultFolder(), SecretProtectors.ForThisPlatform(), warn);

    public static string DefaultFolder()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured)
            return configured;
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "CampaignMonitor");
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var root = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config") : xdg;
        return Path.Combine(root, "CampaignMonitor");
    }

    public string Folder { get; }

    public SettingsKind<CredentialRecord> Credentials => new(this, "credentials", "credential");
    public SettingsKind<DestinationRecord> Destinations => new(this, "destinations", "destination");
    public SettingsKind<DataTemplateRecord> DataTemplates => new(this, "templates", "data template");
    public ListPinStore ListPins => new(this);

    // ---- API keys ------------------------------------------------------------------------------------------

    /// <summary>Writes the key file (the caller holds <see cref="Lock"/>).</summary>
    public void SaveApiKey(string credentialName, string apiKey) =>
        WriteAtomically(KeyPath(credentialName), _protector.Protect(apiKey));

    public string ReadApiKey(string credentialName)
    {
        var path = KeyPath(credentialName);
        if (!File.Exists(path))
            throw new SettingsException(SettingsErrorKind.Corrupt, $"The API key of the credential '{credentialName}' is missing ({path}). Store it again with New-CMCredential -Force.", path);
        CheckOwnerOnly(path);
        try
        {
            return _protector.Unprotect(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or System.Security.Cryptography.CryptographicException)
        {
            throw new SettingsException(SettingsErrorKind.Corrupt, $"The API key file '{path}' cannot be read: {ex.Message}", path, ex);
        }
    }

    /// <summary>Removes the key file (the caller holds <see cref="Lock"/>).</summary>
    public void DeleteApiKey(string credentialName) => File.Delete(KeyPath(credentialName));

    private string KeyPath(string credentialName) => Path.Combine(Folder, "credentials", credentialName + ".key");

    // ---- files ---------------------------------------------------------------------------------------------

    internal string EnsureFolder(string sub)
    {
        var path = Path.Combine(Folder, sub);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }
        // Created owner-only from the start; a folder that exists is never loosened (only checked).
        if (!Directory.Exists(Folder))
            Directory.CreateDirectory(Folder, OwnerOnlyFolder);
        if (!Directory.Exists(path))
            Directory.CreateDirectory(path, OwnerOnlyFolder);
        return path;
    }

    /// <summary>Serialises changes across processes: an exclusive lock on a file, held until disposed.</summary>
    public IDisposable Lock()
    {
        EnsureFolder("");
        var path = Path.Combine(Folder, ".lock");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                    options.UnixCreateMode = OwnerOnlyFile;
                return new FileStream(path, options);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(25);
            }
            catch (IOException ex)
            {
                throw new SettingsException(SettingsErrorKind.Unavailable, $"The settings folder '{Folder}' stayed locked by another process for 30 s.", Folder, ex);
            }
        }
    }

    /// <summary>Writes a file so that a crash leaves either the old content or the new, never half of it.</summary>
    internal void WriteAtomically(string path, byte[] content)
    {
        EnsureFolder(Path.GetRelativePath(Folder, Path.GetDirectoryName(path)!));
        try
        {
            AtomicFile.Write(path, stream => stream.Write(content));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException(SettingsErrorKind.Unavailable, $"Could not write '{path}': {ex.Message}", path, ex);
        }
    }

    /// <summary>Tells the user something about the store that does not stop the command (the warning stream).</summary>
    internal void Warn(string message) => _warn(message);

    /// <summary>Warns (never fixes, never fails) when someone loosened a file's or the folder's mode.</summary>
    internal void CheckOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        foreach (var (item, expected, mode) in new[]
        {
            (path, OwnerOnlyFile, File.GetUnixFileMode(path)),
            (Folder, OwnerOnlyFolder, File.GetUnixFileMode(Folder)),
        })
        {
            var loose = mode & ~expected & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
            if (loose != 0)
                _warn($"'{item}' can be used by other users (mode {Octal(mode)}); it should be {Octal(expected)}. Run: chmod {Octal(expected)} '{item}'");
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');

    internal T Read<T>(string path, string what) where T : class
    {
        CheckOwnerOnly(path);
        try
        {
            var value = JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Json);
            return value ?? throw new JsonException("The file holds JSON null.");
        }
        catch (JsonException ex)
        {
            throw new SettingsException(SettingsErrorKind.Corrupt, $"The {what} file '{path}' is not valid: {ex.Message} Fix or remove the file.", path, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException(SettingsErrorKind.Corrupt, $"The {what} file '{path}' cannot be read: {ex.Message}", path, ex);
        }
    }

    internal byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);
}
