namespace Noress.EndToEnd.Infrastructure;

/// <summary>Folders of the repository, found from the test assembly so the tests run from any working directory.</summary>
public static class RepositoryPaths
{
    /// <summary>Where the journeys save their screenshots instead of the default; set by deploy/scripts/refresh-screenshots.sh.</summary>
    public const string ScreenshotsVariable = "NORESS_SCREENSHOTS";

    public static string Root { get; } = FindRoot();

    /// <summary>
    /// Where the journeys save their screenshots: TestResults/screenshots (ignored by git), so a test run never
    /// rewrites the tracked pictures in docs/screenshots; refreshing those is an explicit command.
    /// </summary>
    public static string Screenshots { get; } =
        Directory.CreateDirectory(ScreenshotsFolder(Environment.GetEnvironmentVariable(ScreenshotsVariable), Root)).FullName;

    /// <summary>The folder named by <paramref name="variable"/> (relative to <paramref name="root"/>), else the ignored default.</summary>
    public static string ScreenshotsFolder(string? variable, string root) =>
        string.IsNullOrWhiteSpace(variable)
            ? Path.Combine(root, "TestResults", "screenshots")
            : Path.GetFullPath(variable, root);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Noress.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Noress.sln.");
    }
}
