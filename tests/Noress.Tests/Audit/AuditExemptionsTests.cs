using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Audit;

/// <summary>
/// What escapes the audit chain is decided in code and justified in ADR 0004; these tests keep the two equal,
/// so nothing new can slip out of the trail without a written reason.
/// </summary>
public sealed partial class AuditExemptionsTests
{
    private static readonly string Adr = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "adr", "0004-audit-hash-chain.md"));

    [Fact]
    public void NotAuditedEntities_InTheModel_AreExactlyTheOnesListedInAdr0004()
    {
        using var db = new NoressDbContext(new DbContextOptionsBuilder<NoressDbContext>().UseSqlite("Data Source=:memory:").Options);
        var inCode = db.Model.GetEntityTypes()
            .Select(t => t.ClrType)
            .Where(t => !AuditExemptions.IsAudited(t))
            .Select(DisplayName)
            .Order(StringComparer.Ordinal)
            .ToList();

        var documented = TableFirstColumn("Entities not audited");

        Assert.Equal(documented, inCode);
        Assert.Contains("DocumentUpdate", inCode);
        Assert.DoesNotContain("Institution", inCode);
    }

    [Fact]
    public void PreferenceProperties_InCode_AreExactlyTheOnesListedInAdr0004()
    {
        var inCode = AuditExemptions.PreferenceProperties
            .SelectMany(p => p.Value.Select(property => $"{p.Key.Name}.{property}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(TableFirstColumn("Preference-only updates"), inCode);
        Assert.Contains("NoressUser.PreferredCulture", inCode);
    }

    [Theory]
    [InlineData(new[] { "PreferredCulture", "ConcurrencyStamp" }, true)]
    [InlineData(new[] { "PreferredCulture" }, true)]
    [InlineData(new[] { "PreferredCulture", "FullName" }, false)]
    [InlineData(new[] { "IsActive", "ConcurrencyStamp" }, false)]
    public void IsPreferenceOnly_User_OnlyWhenNothingElseChanged(string[] changed, bool expected) =>
        Assert.Equal(expected, AuditExemptions.IsPreferenceOnly(typeof(Noress.App.Accounts.NoressUser), changed));

    [Fact]
    public void IsPreferenceOnly_OtherEntity_IsFalse() =>
        Assert.False(AuditExemptions.IsPreferenceOnly(typeof(Noress.App.Members.Institution), ["ConcurrencyStamp"]));

    [Fact]
    public void BulkStatements_InTheSource_AreExactlyTheFilesListedInAdr0004()
    {
        var appRoot = Path.Combine(RepositoryPaths.Source, "Noress.App");
        var inCode = Directory.EnumerateFiles(RepositoryPaths.Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => BulkStatement().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(appRoot, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var documented = TableFirstColumn("Bulk statements");

        Assert.Equal(documented, inCode);
        Assert.Contains("Documents/DocumentAuthority.cs", inCode);
        Assert.Contains("Notifications/Outbox/DailyDigestService.cs", inCode);
    }

    /// <summary>The first column of the table under the heading that starts with <paramref name="heading"/>, backticks removed.</summary>
    private static List<string> TableFirstColumn(string heading)
    {
        var lines = Adr.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l.StartsWith("#", StringComparison.Ordinal) && l.TrimStart('#', ' ').StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"ADR 0004 has no heading starting with '{heading}'");
        return [.. lines.Skip(start + 1)
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Skip(2)
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1].Trim('`'))
            .Order(StringComparer.Ordinal)];
    }

    private static string DisplayName(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(DisplayName))}>"
            : type.Name;

    [GeneratedRegex(@"\.Execute(Update|Delete)(Async)?\(|\.ExecuteSql(Raw|Interpolated)?(Async)?\(")]
    private static partial Regex BulkStatement();
}
