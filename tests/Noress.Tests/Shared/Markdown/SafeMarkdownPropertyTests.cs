using System.Text;
using Noress.App.Shared.Markdown;

namespace Noress.Tests.Shared.Markdown;

/// <summary>Random markdown, from fixed seeds so a failure replays: rendering never throws and never leaves its container.</summary>
public sealed class SafeMarkdownPropertyTests
{
    private static readonly string[] Words = ["texte", "règlement", "مرحبا", "النظام", "Noress", "x", "42", "é", "\u202E", "\u2067", "\u200F", "\0", "&amp;", "&#x6A;"];

    private static readonly string[] InlineMarks =
    [
        "*", "**", "_", "~~", "`", "[", "]", "(", ")", "![", "<", ">", "\"", "'", "\\", "$", "^", "~", "++", "==", "{", "}", "=", "|", ":", "#", "[^1]", "@",
    ];

    private static readonly string[] Urls =
    [
        "https://example.org/a", "http://x", "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:x", "data:text/html,x", "vbscript:x",
        "#titre", "/documents", "//evil.example", "mailto:a@b.c", "&#106;avascript:x", " javascript:x", "<javascript:x>", "file:///etc/passwd",
    ];

    private static readonly string[] RawHtml =
    [
        "<script>", "</script>", "<style>", "</style>", "<svg onload=x>", "<math>", "<mtext>", "<mglyph>", "<table>", "<form>", "<input>",
        "<button>", "<iframe>", "<img src=x onerror=y>", "<a href=javascript:x>", "<div style=\"position:fixed;inset:0;z-index:9\">", "</div>",
        "<!--", "-->", "<textarea>", "<template>", "<noscript>", "<object>", "<embed>", "<p style=\"z-index:1\">", "<xmp>", "<title>",
    ];

    private static readonly string[] Attributes =
    [
        "{style=\"position:fixed\"}", "{.mud-overlay}", "{#app}", "{onclick=\"x\"}", "{style=\"z-index:99\" .x}",
    ];

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 400));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ToHtml_RandomMarkdown_NeverThrowsAndStaysContained(int seed)
    {
        var markdown = Generate(new Random(seed));

        var html = SafeMarkdown.ToHtml(markdown);

        MarkdownDom.AssertContained(markdown, html);
    }

    [Fact]
    public void Generate_IsDeterministic() => Assert.Equal(Generate(new Random(7)), Generate(new Random(7)));

    private static string Generate(Random random)
    {
        var text = new StringBuilder();
        var blocks = random.Next(1, 25);
        for (var i = 0; i < blocks; i++)
        {
            text.Append(Block(random, depth: 0)).Append(random.Next(4) == 0 ? "\n" : "\n\n");
        }

        return text.ToString();
    }

    private static string Block(Random random, int depth)
    {
        var nested = depth < 6;
        return random.Next(nested ? 16 : 11) switch
        {
            0 => new string('#', random.Next(1, 8)) + " " + Inline(random),
            1 => "```" + Pick(random, ["", "js", "html", "mermaid", "mud-overlay", "a b"]) + "\n" + Inline(random) + "\n" + Pick(random, ["```", "", "~~~"]),
            2 => "| " + Inline(random) + " | " + Inline(random) + " |\n|" + Pick(random, [":-:", "--:", ":--", "---"]) + "|---|\n| " + Inline(random) + " | x |",
            3 => Pick(random, ["---", "***", "___", "- [ ] " + Inline(random), "- [x] " + Inline(random), "[^1]: " + Inline(random)]),
            4 => "[ref]: " + Pick(random, Urls) + " \"" + Inline(random) + "\"\n\n[lien][ref]",
            5 => Pick(random, RawHtml) + Inline(random) + Pick(random, RawHtml),
            6 => "$$\n" + Inline(random) + "\n$$",
            7 => "::: " + Pick(random, ["mud-overlay", "note", "{style=\"position:fixed\"}", ""]) + "\n" + Inline(random) + "\n:::",
            8 => Inline(random) + "\n" + Pick(random, Attributes),
            9 => "Terme\n: " + Inline(random),
            10 => Inline(random),
            11 => "> " + Block(random, depth + 1).Replace("\n", "\n> ", StringComparison.Ordinal),
            12 => "- " + Block(random, depth + 1).Replace("\n", "\n  ", StringComparison.Ordinal),
            13 => random.Next(1, 99) + ". " + Block(random, depth + 1).Replace("\n", "\n   ", StringComparison.Ordinal),
            14 => new string(Pick(random, ['>', '[', '-', '*', '(', '<', '`']), random.Next(50, 3_000)) + " " + Inline(random),
            _ => "    " + Inline(random),
        };
    }

    private static string Inline(Random random)
    {
        var text = new StringBuilder();
        var pieces = random.Next(1, 12);
        for (var i = 0; i < pieces; i++)
        {
            text.Append(random.Next(10) switch
            {
                0 or 1 or 2 => Pick(random, Words),
                3 or 4 => Pick(random, InlineMarks),
                5 => "[" + Pick(random, Words) + "](" + Pick(random, Urls) + ")",
                6 => "![" + Pick(random, Words) + "](" + Pick(random, Urls) + " \"t\")",
                7 => Pick(random, RawHtml),
                8 => "<" + Pick(random, Urls) + ">",
                _ => Pick(random, Attributes),
            });
            text.Append(random.Next(3) == 0 ? string.Empty : " ");
        }

        return text.ToString();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> choices) => choices[random.Next(choices.Count)];
}
