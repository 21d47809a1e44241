namespace Noress.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding Noress.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Source => Path.Combine(Root, "src");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Noress.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Noress.sln not found above " + AppContext.BaseDirectory);
    }
}
