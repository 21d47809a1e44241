using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Architecture;

/// <summary>The boundaries ADR 0001 sets between features, checked on the source so a new shortcut fails here.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly string AppRoot = Path.Combine(RepositoryPaths.Source, "Noress.App");

    /// <summary>Folders outside the rule: the context and its migrations, and the demo seeder.</summary>
    private static readonly string[] Exempt = ["Data", "DemoData"];

    [Fact]
    public void SharedReferenceTables_InAdr0001_AreTablesOfTheModel()
    {
        var owners = TableOwners();
        Assert.NotEmpty(SharedTables());
        Assert.All(SharedTables(), table => Assert.True(owners.ContainsKey(table), $"ADR 0001 lists '{table}', which is not a DbSet of NoressDbContext"));
    }

    [Fact]
    public void Features_ReadOnlyTheirOwnTables_OrTheSharedReferenceTables()
    {
        var owners = TableOwners();
        var shared = SharedTables();
        var violations = new List<string>();
        foreach (var file in SourceFiles())
        {
            var feature = FeatureOf(file);
            if (Exempt.Contains(feature))
            {
                continue;
            }

            foreach (Match use in DbSetUse().Matches(File.ReadAllText(file)))
            {
                var table = use.Groups["table"].Value;
                if (owners.TryGetValue(table, out var owner) && owner != feature && !shared.Contains(table))
                {
                    violations.Add($"{Relative(file)} reads {owner}'s table {table}");
                }
            }
        }

        Assert.True(violations.Count == 0, "Use the owning feature's service instead (ADR 0001):\n" + string.Join('\n', violations.Distinct()));
    }

    [Fact]
    public void TheRule_SeesAReadOfAnotherFeaturesTable()
    {
        // The scan must be able to fail: a dashboard line reading the invitations table directly is caught.
        var matches = DbSetUse().Matches("var n = await db.Invitations.CountAsync();").Select(m => m.Groups["table"].Value);
        Assert.Equal(["Invitations"], matches);
        Assert.Equal("Accounts", TableOwners()["Invitations"]);
    }

    [Fact]
    public void Features_AreRegisteredFromHosting_NotFromInsideAnotherFeature()
    {
        var violations = SourceFiles()
            .Where(f => FeatureOf(f) != "Hosting")
            .SelectMany(f => FeatureRegistration().Matches(File.ReadAllText(f)).Select(m => $"{Relative(f)} calls {m.Value.Trim()}"))
            .ToList();

        Assert.True(violations.Count == 0, "Register features in Hosting/NoressHostingExtensions (ADR 0001):\n" + string.Join('\n', violations));
    }

    /// <summary>Each DbSet of the context and the feature that owns its entity (the namespace after Noress.App).</summary>
    private static Dictionary<string, string> TableOwners() =>
        typeof(NoressDbContext).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .ToDictionary(p => p.Name, p => OwnerOf(p.PropertyType.GetGenericArguments()[0]));

    private static string OwnerOf(Type entity)
    {
        var ns = entity.Namespace ?? string.Empty;
        // Identity's own types (user claims, logins, tokens) belong to Accounts, which owns the users.
        if (!ns.StartsWith("Noress.App.", StringComparison.Ordinal))
        {
            return "Accounts";
        }

        var parts = ns.Split('.');
        return parts[2] == "Shared" && parts.Length > 3 ? $"Shared/{parts[3]}" : parts[2];
    }

    private static HashSet<string> SharedTables()
    {
        var adr = File.ReadAllLines(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs", "adr"), "0001-*.md").Single());
        var start = Array.FindIndex(adr, l => l.StartsWith("### Shared reference tables", StringComparison.Ordinal));
        Assert.True(start >= 0, "ADR 0001 has no 'Shared reference tables' section");
        return adr.Skip(start + 1)
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Skip(2)
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1].Trim('`'))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(AppRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !Relative(f).StartsWith("obj/", StringComparison.Ordinal) && !Relative(f).StartsWith("bin/", StringComparison.Ordinal));

    /// <summary>The feature folder of a file ("Members", or "Shared/Email" for the shared mechanisms).</summary>
    private static string FeatureOf(string file)
    {
        var parts = Relative(file).Split('/');
        return parts[0] == "Shared" && parts.Length > 2 ? $"Shared/{parts[1]}" : parts[0];
    }

    private static string Relative(string file) => Path.GetRelativePath(AppRoot, file).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>A DbSet reached through a context variable, by the names the codebase gives it.</summary>
    [GeneratedRegex(@"\b(?:db|context|dbContext)\.(?<table>[A-Z]\w*)\b")]
    private static partial Regex DbSetUse();

    /// <summary>A call that registers a whole feature or a shared mechanism.</summary>
    [GeneratedRegex(@"\bservices\.AddNoress\w+\(")]
    private static partial Regex FeatureRegistration();
}
