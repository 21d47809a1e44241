using System.Text.RegularExpressions;
using Noress.App.Shared.Markdown;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shared.Markdown;

/// <summary>
/// MudBlazor's reset strips lists and headings; rendered markdown gets them back from app.css,
/// with logical properties so Arabic indents on the right.
/// </summary>
public sealed partial class MarkdownStylesTests
{
    private static readonly IReadOnlyList<(string Selector, string Body)> Rules = ReadRules();

    [Theory]
    [InlineData("ul", "padding-inline-start")]
    [InlineData("ol", "padding-inline-start")]
    [InlineData("ul", "list-style: disc")]
    [InlineData("ol", "list-style: decimal")]
    [InlineData("h1", "margin-block")]
    [InlineData("h2", "margin-block")]
    [InlineData("h3", "margin-block")]
    [InlineData("h2", "font-size")]
    public void AppCss_StylesMarkdownElement(string element, string declaration) =>
        Assert.Contains(Rules, r => Targets(r.Selector, element) && r.Body.Contains(declaration, StringComparison.Ordinal));

    [Fact]
    public void AppCss_MarkdownRules_UseNoPhysicalLeftOrRight()
    {
        var physical = Rules.Where(r => r.Selector.Contains(SafeMarkdown.ContainerClass, StringComparison.Ordinal) && PhysicalSide().IsMatch(r.Body));

        Assert.Empty(physical);
    }

    private static bool Targets(string selector, string element) =>
        selector.Contains("." + SafeMarkdown.ContainerClass, StringComparison.Ordinal)
        && Regex.IsMatch(selector, $@"(^|[\s,(>]){element}($|[\s,)])");

    private static List<(string, string)> ReadRules()
    {
        var css = File.ReadAllText(Path.Combine(RepositoryPaths.Source, "Noress.Web", "wwwroot", "app.css"));
        css = Regex.Replace(css, @"/\*.*?\*/", string.Empty, RegexOptions.Singleline);
        return [.. Rule().Matches(css).Select(m => (m.Groups[1].Value.Trim(), m.Groups[2].Value))];
    }

    [GeneratedRegex(@"([^{}]+)\{([^{}]*)\}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"(margin|padding|border)-(left|right)|text-align:\s*(left|right)")]
    private static partial Regex PhysicalSide();
}
