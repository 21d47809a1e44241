using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Noress.App.Documents.History;

/// <summary>
/// A PDF of a document's text (a labelled version, typically) in which Arabic is shaped by HarfBuzz and set right
/// to left, French left to right, each line in the direction of its first letter like the editor and the preview.
/// Markdown is kept readable rather than typeset: headings are larger, list markers become bullets.
/// </summary>
public static class DocumentPdf
{
    private const float PageWidth = 595; // A4 in points
    private const float PageHeight = 842;
    private const float Margin = 56;
    private const float BodySize = 11;

    // More characters than any line can hold at the smallest size (a line is 483 points wide).
    private const int MaxLineChars = 400;

    private static readonly Lazy<SKTypeface> Typeface = new(LoadTypeface);

    public static byte[] Render(string title, string subtitle, string markdown)
    {
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = title, Creator = "NORESS", Producer = "NORESS" }))
        {
            using var shaper = new SKShaper(Typeface.Value);
            var writer = new PageWriter(document, shaper);
            writer.Paragraph(title, 18);
            writer.Paragraph(subtitle, 10, SKColors.DimGray);
            writer.Rule();
            foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var (text, size) = Block(line);
                writer.Paragraph(text, size);
            }

            writer.Finish();
            document.Close();
        }

        return output.ToArray();
    }

    /// <summary>A markdown line as shown: heading marks become a size, list marks a bullet.</summary>
    public static (string Text, float Size) Block(string line)
    {
        var trimmed = line.TrimStart();
        var level = trimmed.TakeWhile(c => c == '#').Count();
        if (level is > 0 and <= 6 && trimmed.Length > level && trimmed[level] == ' ')
        {
            return (trimmed[(level + 1)..].Trim(), level switch { 1 => 16, 2 => 14, _ => 12 });
        }

        if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
        {
            return ("• " + trimmed[2..], BodySize);
        }

        return (line.TrimEnd(), BodySize);
    }

    /// <summary>"rtl", "ltr" or null (no letter), from the first strong letter, as dir="auto" decides.</summary>
    public static string? Direction(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                return IsRightToLeft(rune) ? "rtl" : "ltr";
            }
        }

        return null;
    }

    /// <summary>
    /// Splits a line into runs of one direction (a simple bidi: neutral characters join the run before them,
    /// or the paragraph's direction at the start), in logical order.
    /// </summary>
    public static IReadOnlyList<(string Text, bool RightToLeft)> Runs(string line, bool paragraphRightToLeft)
    {
        var runs = new List<(string Text, bool RightToLeft)>();
        var current = new StringBuilder();
        var direction = paragraphRightToLeft;
        foreach (var rune in line.EnumerateRunes())
        {
            var strong = Rune.IsLetter(rune) ? IsRightToLeft(rune) : (bool?)null;
            if (strong is { } rtl && rtl != direction && current.Length > 0)
            {
                // Spaces at the edge of a run belong between the runs, in the paragraph's direction.
                runs.Add((current.ToString(), direction));
                current.Clear();
            }

            direction = strong ?? direction;
            current.Append(rune.ToString());
        }

        if (current.Length > 0)
        {
            runs.Add((current.ToString(), direction));
        }

        return runs;
    }

    private static bool IsRightToLeft(Rune rune) => rune.Value switch
    {
        >= 0x0590 and <= 0x08FF => true, // Hebrew, Arabic, Syriac, Thaana, NKo, Arabic supplements
        >= 0xFB1D and <= 0xFDFF => true, // Hebrew and Arabic presentation forms A
        >= 0xFE70 and <= 0xFEFF => true, // Arabic presentation forms B
        _ => false,
    };

    private static SKTypeface LoadTypeface()
    {
        using var stream = typeof(DocumentPdf).Assembly.GetManifestResourceStream("Noress.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The PDF font is not embedded.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("The PDF font cannot be read.");
    }

    private sealed class PageWriter(SKDocument document, SKShaper shaper)
    {
        private const float Width = PageWidth - (2 * Margin);
        private SKCanvas? canvas;
        private float y;

        public void Paragraph(string text, float size, SKColor? color = null)
        {
            using var font = new SKFont(Typeface.Value, size);
            using var paint = new SKPaint { Color = color ?? SKColors.Black, IsAntialias = true };
            var lineHeight = size * 1.5f;
            if (text.Length == 0)
            {
                Advance(lineHeight / 2);
                return;
            }

            var rightToLeft = Direction(text) == "rtl";
            foreach (var line in Wrap(text, font))
            {
                Advance(lineHeight);
                DrawLine(line, rightToLeft, font, paint);
            }
        }

        public void Rule()
        {
            Advance(8);
            using var paint = new SKPaint { Color = SKColors.Gray, StrokeWidth = 0.5f };
            canvas!.DrawLine(Margin, y, PageWidth - Margin, y, paint);
            Advance(8);
        }

        public void Finish()
        {
            if (canvas is not null)
            {
                document.EndPage();
            }
        }

        private void Advance(float height)
        {
            if (canvas is null || y + height > PageHeight - Margin)
            {
                if (canvas is not null)
                {
                    document.EndPage();
                }

                canvas = document.BeginPage(PageWidth, PageHeight);
                y = Margin;
            }

            y += height;
        }

        // Greedy wrapping on spaces, measured on shaped text; a word longer than the line is cut.
        private IEnumerable<string> Wrap(string text, SKFont font)
        {
            var line = string.Empty;
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && Measure(candidate, font) > Width)
                {
                    yield return line;
                    candidate = word;
                }

                while (candidate.Length > 1 && Measure(candidate[..Math.Min(candidate.Length, MaxLineChars)], font) > Width)
                {
                    var fits = LongestFit(candidate, font);
                    yield return candidate[..fits];
                    candidate = candidate[fits..];
                }

                line = candidate;
            }

            if (line.Length > 0)
            {
                yield return line;
            }
        }

        // The longest prefix of an unbreakable word that fits, by bisection over at most MaxLineChars characters,
        // so a document of one endless "word" costs a few shapings per line, not one per character.
        private int LongestFit(string word, SKFont font)
        {
            var low = 1;
            var high = Math.Min(word.Length, MaxLineChars);
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (Measure(word[..middle], font) <= Width)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return low;
        }

        private float Measure(string text, SKFont font) =>
            Runs(text, Direction(text) == "rtl").Sum(run => shaper.Shape(run.Text, font).Width);

        // Runs are placed from the paragraph's start edge: left to right for French, right to left for Arabic;
        // HarfBuzz orders and joins the glyphs inside each run.
        private void DrawLine(string line, bool rightToLeft, SKFont font, SKPaint paint)
        {
            var x = rightToLeft ? PageWidth - Margin : Margin;
            foreach (var run in Runs(line, rightToLeft))
            {
                var width = shaper.Shape(run.Text, font).Width;
                if (rightToLeft)
                {
                    x -= width;
                }

                canvas!.DrawShapedText(shaper, run.Text, x, y, SKTextAlign.Left, font, paint);
                if (!rightToLeft)
                {
                    x += width;
                }
            }
        }
    }
}
