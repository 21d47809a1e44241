namespace Noress.ScaleOut.Infrastructure;

/// <summary>Folders of the repository, found from the test assembly.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of these tests (bin/&lt;Configuration&gt;/&lt;tfm&gt;), which the published app uses too.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Deploy(params string[] parts) => Path.Combine([Root, "deploy", .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Noress.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Noress.sln not found above " + AppContext.BaseDirectory);
    }
}
