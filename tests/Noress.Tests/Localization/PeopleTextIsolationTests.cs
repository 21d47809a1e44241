using System.Text.RegularExpressions;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Localization;

/// <summary>
/// Issue 8 §10 on every page (ADR 0012): a &lt;bdi&gt; isolates people's text from its surroundings, but a right-to-left
/// override inside it still turns "evil\u202Eexe.pdf" round; only <c>PeopleText.Plain</c> (or <c>&lt;UserText&gt;</c>)
/// removes the controls. So every expression a page shows inside a &lt;bdi&gt; goes through PeopleText, or is the
/// platform's own text (a localized string, a formatted number or date).
/// </summary>
public sealed partial class PeopleTextIsolationTests
{
    [Fact]
    public void Pages_ShowTextInsideBdi_OnlyThroughPeopleText()
    {
        var app = Path.Combine(RepositoryPaths.Source, "Noress.App");
        var problems = Directory.EnumerateFiles(app, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Find(Path.GetRelativePath(app, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();

        Assert.True(problems.Count == 0,
            "Text shown in a <bdi> without PeopleText: bidirectional controls in it (U+202E...) would still reverse it. "
            + "Use <UserText Text=\"@...\" /> or @PeopleText.Plain(...) (ADR 0012):" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("<bdi>@application.Title</bdi>")]
    [InlineData("<li><bdi>@row.Reference</bdi> – <bdi>@draft.Title</bdi></li>")]
    [InlineData("<bdi>@T[\"Sheet.Reference\", NoressFormat.Number(n)] · @entry.Title</bdi>")]
    [InlineData("<bdi>@(h.UserName ?? Text[\"Conflict.Someone\"])</bdi>")]
    [InlineData("<bdi>@BilingualText.Preferred(plan.TitleFr, plan.TitleAr)</bdi>")]
    [InlineData("<bdi class=\"x\">\n    @file.Name\n</bdi>")]
    public void Find_RawExpressionInBdi_IsReported(string markup) =>
        Assert.NotEmpty(Find("X.razor", markup));

    [Theory]
    [InlineData("<bdi>@PeopleText.Plain(application.Title)</bdi>")]
    [InlineData("<bdi>@(PeopleText.Plain(h.UserName) ?? Text[\"Conflict.Someone\"])</bdi>")]
    [InlineData("<bdi>@T[\"Sheet.Reference\", NoressFormat.Number(n)] · @PeopleText.Plain(entry.Title)</bdi>")]
    [InlineData("<bdi dir=\"ltr\">@NoressFormat.Number(n)</bdi>")]
    [InlineData("<UserText Text=\"@application.Title\" />")]
    [InlineData("<bdi @attributes=\"Attributes\">@PeopleText.Plain(Text)</bdi>")]
    [InlineData("<bdi>#@PeopleText.Visible(id)</bdi>")]
    [InlineData("<bdi><UserText Text=\"@candidate.Name\" /></bdi>")]
    [InlineData("<bdi>@T[$\"Rule.{key}\"]</bdi>")]
    public void Find_PeopleTextOrOwnText_IsAllowed(string markup) =>
        Assert.Empty(Find("X.razor", markup));

    /// <summary>Each Razor expression inside a &lt;bdi&gt; that neither is PeopleText nor the platform's own text.</summary>
    internal static IEnumerable<string> Find(string path, string razor)
    {
        foreach (Match bdi in BdiPattern().Matches(razor))
        {
            foreach (Match expression in ExpressionPattern().Matches(bdi.Groups["content"].Value))
            {
                var text = expression.Groups["expr"].Value.TrimStart('(').TrimStart();
                if (!Allowed.Any(prefix => text.StartsWith(prefix, StringComparison.Ordinal)) && !LocalizedPattern().IsMatch(text) && !Keywords.Contains(text))
                {
                    var line = razor[..bdi.Index].Count(c => c == '\n') + 1;
                    yield return $"{path}:{line}: @{expression.Groups["expr"].Value}";
                }
            }
        }
    }

    // Razor's own keywords: @if inside a <bdi> starts code, not text.
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "if", "foreach", "for", "while", "switch" };

    // PeopleText itself (Plain, Visible for evidence) and the formatter of numbers and dates.
    private static readonly string[] Allowed = ["PeopleText.", "NoressFormat."];

    [GeneratedRegex(@"<bdi\b[^>]*>(?<content>.*?)</bdi>", RegexOptions.Singleline)]
    private static partial Regex BdiPattern();

    // An implicit (@a.b) or explicit (@(...)) expression in text; @@ is an escaped at sign, ="@ an attribute's value
    // (a component such as <UserText Text="@..." /> inside the <bdi> handles its own).
    [GeneratedRegex(@"(?<![@=""])@(?<expr>\(?\s*[A-Za-z_][A-Za-z0-9_.]*(\[\$?""?)?)")]
    private static partial Regex ExpressionPattern();

    // A localizer's indexer with a literal or interpolated key: T["Key"], Text["Key", ...], T[$"Rule.{key}"].
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\[\$?""$")]
    private static partial Regex LocalizedPattern();
}
