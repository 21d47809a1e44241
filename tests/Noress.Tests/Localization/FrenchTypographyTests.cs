using System.Text.RegularExpressions;
using System.Xml.Linq;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Localization;

/// <summary>
/// French puts a no-break space before « : ; ! ? » (so the sign never starts a line); Arabic and English put none.
/// Placeholders ({0:…}), addresses (https:) and times (10:05) are not punctuation.
/// </summary>
public sealed partial class FrenchTypographyTests
{
    private const string NoBreakSpaces = "\u00A0\u202F";

    [Theory]
    [InlineData("Rappel\u00A0: {0}", true)]
    [InlineData("Oublié\u202F?", true)]
    [InlineData("Rappel : {0}", false)]
    [InlineData("Rappel: {0}", false)]
    [InlineData("Le {0:d} à 10:05, voir https://noress.ma", true)]
    public void IsFrenchTypography_FlagsOrdinaryOrMissingSpaces(string value, bool expected) =>
        Assert.Equal(expected, IsFrenchTypography(value));

    [Fact]
    public void FrenchResources_HaveANoBreakSpaceBeforeHighPunctuation()
    {
        var problems = Values(file => !IsTranslation(file))
            .Where(v => !IsFrenchTypography(v.Value))
            .Select(v => $"{v.File}: '{v.Key}' = \"{v.Value}\" (use U+00A0 before : ; ! ?)")
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ArabicAndEnglishResources_HaveNoSpaceBeforeColonOrQuestionMark()
    {
        var problems = Values(IsTranslation)
            .Where(v => SpaceBeforePunctuation().IsMatch(Strip(v.Value)))
            .Select(v => $"{v.File}: '{v.Key}' = \"{v.Value}\"")
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static bool IsFrenchTypography(string value)
    {
        var text = Strip(value);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ':' or ';' or '!' or '?' && (i == 0 || !NoBreakSpaces.Contains(text[i - 1], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    // Placeholders, addresses and times are replaced by a neutral letter.
    private static string Strip(string value) => NotPunctuation().Replace(value, "x");

    private static bool IsTranslation(string file) => file.EndsWith(".ar.resx", StringComparison.Ordinal) || file.EndsWith(".en.resx", StringComparison.Ordinal);

    private static IEnumerable<(string File, string Key, string Value)> Values(Func<string, bool> include) =>
        Directory.EnumerateFiles(RepositoryPaths.Source, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(include)
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data")
                .Where(d => d.Attribute("type") is null)
                .Select(d => (Path.GetRelativePath(RepositoryPaths.Root, f), (string)d.Attribute("name")!, (string?)d.Element("value") ?? string.Empty)));

    [GeneratedRegex(@"\{[^}]*\}|https?://\S+|\d:\d")]
    private static partial Regex NotPunctuation();

    [GeneratedRegex(@"[ \u00A0\u202F][:;!?؟؛]")]
    private static partial Regex SpaceBeforePunctuation();
}
