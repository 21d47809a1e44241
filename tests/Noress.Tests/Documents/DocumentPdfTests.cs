using System.Text;
using Noress.App.Documents.History;
using UglyToad.PdfPig;

namespace Noress.Tests.Documents;

public sealed class DocumentPdfTests
{
    [Fact]
    public void Render_MixedFrenchAndArabic_ExtractsFrenchAsTypedAndArabicShapedRightToLeft()
    {
        var markdown = "# Règlement intérieur\n\n## المادة 1: الموضوع\n\n- Le quorum est atteint.\nيحدد هذا النظام كيفية اشتغال الشبكة\n";

        var bytes = DocumentPdf.Render("Règlement intérieur", "Version 3", markdown);

        using var pdf = PdfDocument.Open(bytes);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Contains("Règlement", words);
        Assert.Contains("quorum", words);
        Assert.Contains("•", words);
        Assert.DoesNotContain("##", words);
        Assert.Contains(words, w => w.Any(c => c is >= '\uFE70' and <= '\uFEFF'));
        var visual = words.Select(w => new string(w.Normalize(NormalizationForm.FormKC).Reverse().ToArray())).ToList();
        Assert.Contains("اشتغال", visual);
        Assert.Contains("الشبكة", visual);
        Assert.Contains("الموضوع", visual);
    }

    [Fact]
    public void Render_ArabicLine_IsSetAgainstTheRightMargin_AndFrenchAgainstTheLeft()
    {
        var bytes = DocumentPdf.Render("T", "S", "Bonjour\nمرحبا\n");

        using var pdf = PdfDocument.Open(bytes);
        var words = pdf.GetPage(1).GetWords().ToList();
        var french = words.Single(w => w.Text == "Bonjour");
        var arabic = words.Single(w => w.Text.Normalize(NormalizationForm.FormKC) == "ابحرم");
        Assert.True(french.BoundingBox.Left < 100, $"French starts at {french.BoundingBox.Left}");
        Assert.True(arabic.BoundingBox.Right > 495, $"Arabic ends at {arabic.BoundingBox.Right}");
    }

    [Fact]
    public void Render_LongText_FlowsOntoSeveralPages()
    {
        var markdown = string.Join('\n', Enumerable.Range(1, 120).Select(i => $"Article {i} : le réseau se réunit en plénière et délibère à la majorité des suffrages exprimés."));

        using var pdf = PdfDocument.Open(DocumentPdf.Render("Long", "S", markdown));

        Assert.True(pdf.NumberOfPages > 2);
        Assert.Contains("120", pdf.GetPage(pdf.NumberOfPages).GetWords().Select(w => w.Text));
    }

    [Fact]
    public void Render_AWordLongerThanALine_IsCutAcrossLinesWithoutLosingCharacters()
    {
        var word = string.Concat(Enumerable.Repeat("abcdefghij", 2_000));

        using var pdf = PdfDocument.Open(DocumentPdf.Render("Titre", "Version 1", word));

        var pieces = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).Where(w => w.All(c => c is >= 'a' and <= 'j')).ToList();
        Assert.True(pieces.Count > 50, $"{pieces.Count} lines");
        Assert.Equal(word, string.Concat(pieces));
    }

    [Theory]
    [InlineData("# Titre", "Titre", 16f)]
    [InlineData("### Sous-titre", "Sous-titre", 12f)]
    [InlineData("- point", "• point", 11f)]
    [InlineData("#hashtag", "#hashtag", 11f)]
    public void Block_TurnsMarkdownMarksIntoSizesAndBullets(string line, string text, float size) =>
        Assert.Equal((text, size), DocumentPdf.Block(line));

    [Fact]
    public void Runs_SplitAMixedLineByDirection_KeepingNeutralsWithTheRunBefore()
    {
        var runs = DocumentPdf.Runs("المادة 2 : NORESS 2026 الشبكة", paragraphRightToLeft: true);

        Assert.Equal([("المادة 2 : ", true), ("NORESS 2026 ", false), ("الشبكة", true)], runs);
        Assert.Equal("rtl", DocumentPdf.Direction("12. المادة"));
        Assert.Equal("ltr", DocumentPdf.Direction("- Le texte, puis نص"));
        Assert.Null(DocumentPdf.Direction("2026 — 12"));
    }
}
