using Microsoft.Extensions.Options;

namespace Noress.App.Shared.Uploads;

/// <summary>Configuration section <c>Storage</c>: where uploaded files live, outside wwwroot.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder of uploaded files; relative paths are under the content root (default <c>data/files</c>).</summary>
    public string Root { get; set; } = "data/files";

    /// <summary>Largest accepted signed memorandum scan, in bytes.</summary>
    public long MaxScanBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest accepted institution logo, in bytes.</summary>
    public long MaxLogoBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// Stores uploads under generated names in a folder per kind, so no uploaded name ever reaches the
/// file system and nothing is reachable as a static file.
/// </summary>
public sealed class UploadStorage(IOptions<StorageOptions> options, string contentRoot)
{
    public StorageOptions Options => options.Value;

    public string RootPath => ResolveRoot(options.Value.Root, contentRoot);

    /// <summary>The absolute folder of <paramref name="root"/>; a relative one is under the content root.</summary>
    public static string ResolveRoot(string root, string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(root) ? root : Path.Combine(contentRoot, root));

    /// <summary>Stores bytes that passed the upload scanner: nothing unscanned can reach the disk through here.</summary>
    public async Task<string> SaveAsync(string kind, string extension, ScannedUpload upload, CancellationToken ct)
    {
        var folder = Path.Combine(RootPath, kind);
        Directory.CreateDirectory(folder);
        var name = $"{Guid.NewGuid():N}{extension}";
        await File.WriteAllBytesAsync(Path.Combine(folder, name), upload.Content, ct);
        return name;
    }

    /// <summary>Opens a stored file; null when missing or when the name is not one this store generated.</summary>
    public Stream? OpenRead(string kind, string name)
    {
        if (!StoredNamePattern(name))
        {
            return null;
        }

        var path = Path.Combine(RootPath, kind, name);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string kind, string? name)
    {
        if (name is not null && StoredNamePattern(name))
        {
            File.Delete(Path.Combine(RootPath, kind, name));
        }
    }

    private static bool StoredNamePattern(string name) =>
        name.Length is > 32 and <= 40 && Guid.TryParseExact(name[..32], "N", out _) && name[32..] is ".pdf" or ".png" or ".jpg";
}
