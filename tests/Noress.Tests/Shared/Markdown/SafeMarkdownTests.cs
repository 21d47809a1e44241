using System.Globalization;
using Noress.App.Shared.Markdown;

namespace Noress.Tests.Shared.Markdown;

public sealed class SafeMarkdownTests
{
    public static TheoryData<int> CorpusIndexes() => new(Enumerable.Range(0, HostileMarkdown.Corpus.Count));

    [Fact]
    public void Corpus_HoldsAtLeastOneHundredHostileInputs() => Assert.True(HostileMarkdown.Corpus.Count >= 100);

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public void ToHtml_HostileInput_StaysInsideItsContainer(int index)
    {
        var markdown = HostileMarkdown.Corpus[index];

        var html = SafeMarkdown.ToHtml(markdown);

        MarkdownDom.AssertContained(markdown, html);
    }

    [Theory]
    [InlineData("<a href=\"https://evil.example\" style=\"position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:99999\">Session expirée</a>")]
    [InlineData("[Session expirée](https://evil.example){style=\"position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:99999\"}")]
    public void ToHtml_FullWindowLink_HasNoPositioning(string markdown)
    {
        var container = MarkdownDom.Parse(SafeMarkdown.ToHtml(markdown));

        Assert.Empty(container.QuerySelectorAll("[style]"));
        Assert.Contains("Session expirée", container.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_FormAndControls_AreShownAsText()
    {
        var container = MarkdownDom.Parse(SafeMarkdown.ToHtml("<form action=\"https://evil.example\"><input name=password><button>Envoyer</button></form>"));

        Assert.Empty(container.QuerySelectorAll("form, input, button"));
        Assert.Contains("<button>Envoyer</button>", container.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_CustomContainerWithPageClass_KeepsNoForeignClass()
    {
        var container = MarkdownDom.Parse(SafeMarkdown.ToHtml("::: mud-overlay\nTout l’écran\n:::"));

        Assert.Empty(container.QuerySelectorAll(".mud-overlay"));
    }

    [Fact]
    public void ToHtml_TaskList_ShowsCheckMarksNotInputs()
    {
        var container = MarkdownDom.Parse(SafeMarkdown.ToHtml("- [ ] à faire\n- [x] fait"));

        Assert.Empty(container.QuerySelectorAll("input"));
        Assert.Equal(["\u2610", "\u2611"], container.QuerySelectorAll(".task-list-check").Select(e => e.TextContent));
    }

    [Theory]
    [InlineData('>')]
    [InlineData('[')]
    public void ToHtml_NestingBomb_ShowsANoticeAndKeepsTheRest(char bomb)
    {
        var markdown = "# Début\n\nAvant la bombe.\n\n" + new string(bomb, 10_000) + "\n\nAprès la bombe.";

        var container = MarkdownDom.Parse(SafeMarkdown.ToHtml(markdown));

        Assert.Single(container.QuerySelectorAll("." + SafeMarkdown.UnrenderableClass));
        Assert.Equal("Début", container.QuerySelector("h1")?.TextContent);
        Assert.Contains("Avant la bombe.", container.TextContent, StringComparison.Ordinal);
        Assert.Contains("Après la bombe.", container.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_NestingBombInsideAParagraph_KeepsTheOtherLines()
    {
        var container = MarkdownDom.Parse(SafeMarkdown.ToHtml("Ligne une\n" + new string('>', 10_000) + "\nLigne trois"));

        Assert.Single(container.QuerySelectorAll("." + SafeMarkdown.UnrenderableClass));
        Assert.Contains("Ligne une", container.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ligne trois", container.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_MathMlStyleSequence_DoesNotSwallowTheFollowingText()
    {
        var container = MarkdownDom.Parse(SafeMarkdown.ToHtml("<math><mtext><table><mglyph><style>\n\nTexte qui doit rester visible.\n\n## Section suivante"));

        Assert.Empty(container.QuerySelectorAll("math, style, table"));
        Assert.Contains("<math><mtext><table><mglyph><style>", container.TextContent, StringComparison.Ordinal);
        Assert.Contains("Texte qui doit rester visible.", container.TextContent, StringComparison.Ordinal);
        Assert.Equal("Section suivante", container.QuerySelector("h2")?.TextContent);
    }

    [Theory]
    [InlineData("fr-MA", "ne peut pas être affichée")]
    [InlineData("ar-MA", "لا يمكن عرض")]
    [InlineData("en-GB", "cannot be displayed")]
    public void ToHtml_Notice_IsInTheReadersLanguage(string culture, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var container = MarkdownDom.Parse(SafeMarkdown.ToHtml(new string('>', 10_000)));

            Assert.Contains(expected, container.QuerySelector("." + SafeMarkdown.UnrenderableClass)?.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void ToHtml_InPageLinks_FollowThePrefixedIds()
    {
        var container = MarkdownDom.Parse(SafeMarkdown.ToHtml("# Objet du texte\n\n[voir](#objet-du-texte) et note[^1]\n\n[^1]: La note."));

        Assert.Equal("md-objet-du-texte", container.QuerySelector("h1")?.Id);
        Assert.Equal("#md-objet-du-texte", container.QuerySelector("a[href^='#md-objet']")?.GetAttribute("href"));
        var footnote = container.QuerySelector("a.footnote-ref")?.GetAttribute("href");
        Assert.NotNull(footnote);
        Assert.NotNull(container.Owner!.GetElementById(footnote[1..]));
    }

    [Fact]
    public void ToHtml_TableAlignment_IsTheOnlyStyleKept()
    {
        var container = MarkdownDom.Parse(SafeMarkdown.ToHtml("| a | b |\n|:-:|--:|\n| 1 | 2 |"));

        Assert.Equal(["text-align: center", "text-align: right"], container.QuerySelectorAll("th").Select(e => e.GetAttribute("style")));
    }

    [Fact]
    public void ToHtml_BidiOverride_IsRemovedFromTheText()
    {
        var container = MarkdownDom.Parse(SafeMarkdown.ToHtml("fichier evil\u202Eexe.txt"));

        Assert.Equal("fichier evilexe.txt", container.TextContent.Trim());
    }

    [Fact]
    public void ToHtml_OrdinaryMarkdown_RendersAsBefore()
    {
        var container = MarkdownDom.Parse(SafeMarkdown.ToHtml("# Titre\n\n**gras** *italique* ~~barré~~ `code`\n\n- un\n- deux\n\n> citation\n\n[lien](https://example.org)"));

        Assert.NotNull(container.QuerySelector("h1[dir=auto]"));
        Assert.NotNull(container.QuerySelector("strong"));
        Assert.NotNull(container.QuerySelector("em"));
        Assert.NotNull(container.QuerySelector("del"));
        Assert.NotNull(container.QuerySelector("code"));
        Assert.Equal(2, container.QuerySelectorAll("li").Length);
        Assert.NotNull(container.QuerySelector("blockquote"));
        Assert.Equal("noopener noreferrer nofollow", container.QuerySelector("a[href='https://example.org']")?.GetAttribute("rel"));
    }
}
