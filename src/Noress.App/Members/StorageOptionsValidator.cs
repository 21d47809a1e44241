using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Noress.App.Shared.Uploads;

namespace Noress.App.Members;

/// <summary>
/// In Production uploaded files must live outside the published application: the next deployment
/// replaces that folder, and the files would go with it.
/// </summary>
internal sealed class StorageOptionsValidator(IHostEnvironment environment) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!environment.IsProduction())
        {
            return ValidateOptionsResult.Success;
        }

        var root = UploadStorage.ResolveRoot(options.Root, environment.ContentRootPath);
        var inside = new[] { environment.ContentRootPath, AppContext.BaseDirectory }.FirstOrDefault(folder => IsInside(root, folder));
        return inside is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Storage:Root resolves to {root}, inside the application folder {inside}, which the next deployment replaces: " +
                "set Storage:Root to an absolute path outside it (e.g. /var/lib/noress/files or a network share).");
    }

    internal static bool IsInside(string path, string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return full.Equals(parent, comparison) || full.StartsWith(parent + Path.DirectorySeparatorChar, comparison);
    }
}
