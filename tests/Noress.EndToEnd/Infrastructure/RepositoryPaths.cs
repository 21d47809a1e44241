namespace Noress.EndToEnd.Infrastructure;

/// <summary>Folders of the repository, found from the test assembly so the tests run from any working directory.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>docs/screenshots: the end-to-end journeys refresh the pictures the README shows.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Root, "docs", "screenshots")).FullName;

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
