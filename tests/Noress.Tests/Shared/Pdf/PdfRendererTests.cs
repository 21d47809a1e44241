using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Noress.Testing;
using UglyToad.PdfPig;

namespace Noress.Tests.Shared.Pdf;

/// <summary>The PDF read back as a reader's tools read it (ActualText, then visual to logical order).</summary>
public sealed class PdfRendererTests(ChromiumPdfFixture fixture) : IClassFixture<ChromiumPdfFixture>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-MA");

    private PdfText.Line Line(string containing) =>
        PdfText.Lines(fixture.Pdf).Single(l => l.Text.Contains(containing, StringComparison.Ordinal));

    // A cell's text and extent on its line: the run of units that spells it, found in logical order.
    private static (double Left, double Right) Word(PdfText.Line line, string word)
    {
        var visual = line.Visual;
        for (var start = 0; start < visual.Count; start++)
        {
            var text = string.Empty;
            for (var end = start; end < visual.Count && text.Length < word.Length; end++)
            {
                text += visual[end].Text;
                if (text == word)
                {
                    return (visual[start].Left, visual[end].Right);
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"'{word}' is not on the line '{line.Text}'.");
    }

    [Fact]
    public void RenderMarkdown_NumbersInArabicText_KeepTheirOrder()
    {
        var line = Line("تمتد");

        Assert.Equal("تمتد الخطة من 2026-2028 بميزانية 40 000 درهم.", line.Text);
        // On the page, each number's digits run left to right and the numbers follow the Arabic right to left:
        // "2026" sits to the right of "2028", "40" to the right of "000" (the old export drew "8202-6202", "000 04").
        var visual = string.Concat(line.Visual.Select(u => u.Text));
        Assert.Contains("2028-2026", visual, StringComparison.Ordinal);
        Assert.Contains("000 40", visual, StringComparison.Ordinal);
        Assert.True(line.RightToLeft);
    }

    [Fact]
    public void RenderMarkdown_ArabicPhraseInFrench_AndFrenchPhraseInArabic_KeepGuillemetsAndSpaces()
    {
        Assert.Equal("Le comité adopte « التكوين المستمر » à l'unanimité.", Line("comité").Text);
        Assert.Equal("قرر المجلس « formation continue » بالإجماع.", Line("المجلس").Text);

        // Visually, in the French line the Arabic phrase sits between the guillemets, its first word on the right.
        var french = Line("comité").Visual;
        var open = french.Single(u => u.Text == "«");
        var close = french.Single(u => u.Text == "»");
        var first = french.Where(u => u.Text == "ا").Select(u => u.Left).ToList();
        Assert.All(first, left => Assert.InRange(left, open.Right, close.Left));
    }

    [Fact]
    public void RenderMarkdown_ArabicWord_IsFoundByASearchOfTheExtractedText()
    {
        var text = PdfText.Text(fixture.Pdf);

        Assert.Contains("التكوين", text, StringComparison.Ordinal);
        Assert.Contains("بالإجماع", text, StringComparison.Ordinal);
        Assert.False(PdfText.HasPresentationForms(text), PdfText.Describe(text));
        // The glyphs themselves are shaped (presentation forms): the logical letters come from ActualText.
        using var pdf = PdfDocument.Open(fixture.Pdf);
        Assert.Contains(pdf.GetPages().SelectMany(p => p.Letters), l => PdfText.HasPresentationForms(l.Value));
    }

    [Fact]
    public void RenderMarkdown_Table_HasItsCellsInColumnsWithoutPipes()
    {
        var header = Line("Poste");
        var row = Line("Formation");
        var second = Line("Mobilité");

        Assert.DoesNotContain(PdfText.Lines(fixture.Pdf), l => l.Text.Contains('|', StringComparison.Ordinal));
        Assert.True(header.Baseline > row.Baseline && row.Baseline > second.Baseline);
        var poste = Word(header, "Poste");
        var montant = Word(header, "Montant");
        var formation = Word(row, "Formation");
        var amount = Word(row, "12 500");
        Assert.True(amount.Left - formation.Right > 10, $"Formation ends at {formation.Right}, 12 500 starts at {amount.Left}");
        // Each cell starts its column's edge; each heading sits over its own column.
        Assert.Equal(formation.Left, Word(second, "Mobilité").Left, 1.0);
        Assert.Equal(amount.Left, Word(second, "3 000").Left, 1.0);
        Assert.InRange(poste.Left, formation.Left, amount.Left);
        Assert.True(montant.Left > formation.Right && montant.Left >= amount.Left - 10, $"Montant starts at {montant.Left}");
    }

    [Fact]
    public void RenderMarkdown_ArabicParagraph_IsSetAgainstTheRightMargin_AndFrenchAgainstTheLeft()
    {
        var french = Line("Bonjour").Visual;
        var arabic = Line("تمتد").Visual;

        Assert.True(french.Min(u => u.Left) < 100, $"French starts at {french.Min(u => u.Left)}");
        Assert.True(arabic.Max(u => u.Right) > 495, $"Arabic ends at {arabic.Max(u => u.Right)}");
        Assert.Equal("Plan de formation", Line("Plan").Text);
        Assert.Equal("Règlement intérieur", Line("Règlement").Text);
    }

    [Fact]
    public async Task RenderMarkdown_LongText_FlowsOntoSeveralPages()
    {
        var markdown = string.Join("\n\n", Enumerable.Range(1, 120).Select(i => $"Article {i} : le réseau se réunit en plénière et délibère à la majorité des suffrages exprimés."));
        using var renderer = ChromiumPdfFixture.Renderer();

        var bytes = await renderer.RenderMarkdownAsync("Long", "S", markdown, French, CancellationToken.None);

        var lines = PdfText.Lines(bytes);
        Assert.True(lines.Max(l => l.Page) > 2);
        Assert.StartsWith("Article 120 :", lines.Last(l => l.Text.StartsWith("Article", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderMarkdown_AWordLongerThanALine_IsCutAcrossLinesWithoutLosingCharacters()
    {
        var word = string.Concat(Enumerable.Repeat("abcdefghij", 500));
        using var renderer = ChromiumPdfFixture.Renderer();

        var bytes = await renderer.RenderMarkdownAsync("Titre", "Version 1", word, French, CancellationToken.None);

        var pieces = PdfText.Lines(bytes).Select(l => l.Text).Where(t => t.All(c => c is >= 'a' and <= 'j')).ToList();
        Assert.True(pieces.Count > 5, $"{pieces.Count} lines");
        Assert.Equal(word, string.Concat(pieces));
    }

    [Fact]
    public async Task RenderMarkdown_ImageOnAnInternalAddress_IsNeverRequested()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var renderer = ChromiumPdfFixture.Renderer();

        var bytes = await renderer.RenderMarkdownAsync("T", "S", $"Texte ![plan](http://127.0.0.1:{port}/secret.png) fin", French, CancellationToken.None);

        // Chromium has exited: any request it made would be waiting in the listener's queue.
        Assert.False(listener.Pending());
        Assert.Contains("Texte", PdfText.Text(bytes), StringComparison.Ordinal);
    }
}
