using System.Xml.Linq;
using Noress.App.Shared.Localization;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Localization;

/// <summary>Every text exists, non-empty, in French (the base file), Arabic and English, and the Arabic is Arabic.</summary>
public sealed class ResourceParityTests
{
    /// <summary>Arabic values that are rightly not in Arabic script: a language's name written in that language.</summary>
    private static readonly HashSet<string> NotArabicByDesign = new(StringComparer.Ordinal)
    {
        "Language." + NoressCultures.French,
        "Language." + NoressCultures.English,
    };

    private static readonly string[] Translations = ["ar", "en"];

    public static TheoryData<string> BaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Source, "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Where(IsBaseFile)
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        }

        return data;
    }

    [Fact]
    public void BaseFiles_AreFound() => Assert.NotEmpty(BaseFiles());

    [Theory]
    [MemberData(nameof(BaseFiles))]
    public void Translations_HaveEveryKeyOfTheBaseFile_AndNoOther(string baseFile)
    {
        var baseValues = Read(baseFile);
        var problems = new List<string>();
        problems.AddRange(baseValues.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{baseFile}: '{kv.Key}' is empty"));

        foreach (var language in Translations)
        {
            var file = Path.ChangeExtension(baseFile, $".{language}.resx");
            if (!File.Exists(Path.Combine(RepositoryPaths.Root, file)))
            {
                problems.Add($"{file} is missing");
                continue;
            }

            var values = Read(file);
            problems.AddRange(baseValues.Keys.Except(values.Keys).Select(k => $"{file}: '{k}' is missing"));
            problems.AddRange(values.Keys.Except(baseValues.Keys).Select(k => $"{file}: '{k}' is not in {baseFile}"));
            problems.AddRange(values.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{file}: '{kv.Key}' is empty"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(BaseFiles))]
    public void ArabicValues_AreWrittenInArabic(string baseFile)
    {
        var file = Path.ChangeExtension(baseFile, ".ar.resx");
        var problems = Read(file)
            .Where(kv => !NotArabicByDesign.Contains(kv.Key) && !kv.Value.Any(IsArabicLetter))
            .Select(kv => $"{file}: '{kv.Key}' has no Arabic letter: \"{kv.Value}\"")
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ArabicCheck_LatinOnlyValue_IsCaught()
    {
        Assert.DoesNotContain("Tableau de bord", IsArabicLetter);
        Assert.Contains("لوحة القيادة", IsArabicLetter);
    }

    private static bool IsBaseFile(string path) =>
        !Translations.Any(l => path.EndsWith($".{l}.resx", StringComparison.Ordinal));

    private static bool IsArabicLetter(char c) =>
        char.IsLetter(c) && c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    private static Dictionary<string, string> Read(string relativePath) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, relativePath))
            .Root!.Elements("data")
            .Where(d => d.Attribute("type") is null)
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);
}
