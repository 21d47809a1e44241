using System.Text.RegularExpressions;
using System.Xml.Linq;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Localization;

/// <summary>
/// A refusal's code is a resource key (ADR 0023): a code missing from its feature's resources would show the key
/// itself to the person. Every literal code a service hands to its <c>Refusals&lt;TText&gt;</c> is in TText.resx.
/// </summary>
public sealed partial class RefusalTextTests
{
    [Fact]
    public void RefusalCodes_AreKeysOfTheirFeatureResources()
    {
        var sources = Directory.EnumerateFiles(RepositoryPaths.Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: f, Text: File.ReadAllText(f)))
            .Where(s => RefusalsParameter().IsMatch(s.Text))
            .ToList();
        var problems = new List<string>();
        var checkedCodes = 0;
        foreach (var (file, text) in sources)
        {
            var declaration = RefusalsParameter().Match(text);
            var keys = ResourceKeys(declaration.Groups["text"].Value);
            foreach (Match use in Regex.Matches(text, $@"\b{declaration.Groups["name"].Value}(?:\[|\.Format\()""(?<code>[^""]+)"""))
            {
                checkedCodes++;
                if (!keys.Contains(use.Groups["code"].Value))
                {
                    problems.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}: '{use.Groups["code"].Value}' is not in {declaration.Groups["text"].Value}.resx");
                }
            }
        }

        Assert.True(checkedCodes > 0, "No refusal code found: the pattern no longer matches the services.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static HashSet<string> ResourceKeys(string textClass)
    {
        var file = Directory.EnumerateFiles(RepositoryPaths.Source, textClass + ".resx", SearchOption.AllDirectories).Single();
        return XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"Refusals<(?<text>\w+)>\s+(?<name>\w+)")]
    private static partial Regex RefusalsParameter();
}
