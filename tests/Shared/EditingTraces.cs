namespace Noress.Testing;

/// <summary>The editing traces kept in the repository (tests/data/editing-traces), so a fresh clone needs nothing beside it.</summary>
internal static class EditingTraces
{
    public static string Locate(string file)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Noress.sln")))
            {
                var path = Path.Combine(folder.FullName, "tests", "data", "editing-traces", file);
                return File.Exists(path) ? path : throw new FileNotFoundException($"Editing trace {file} is not in tests/data/editing-traces.", path);
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Noress.sln.");
    }
}
