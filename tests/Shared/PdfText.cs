using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Noress.Testing;

/// <summary>
/// Reads a PDF's text back the way a search or a copy does: glyphs replaced by their marked-content
/// <c>/ActualText</c> (the logical letters behind Arabic presentation forms and mirrored guillemets), lines from
/// the glyphs' positions, and each line turned from visual into logical order (the inverse of the bidi
/// reordering: an Arabic line read right to left with its Latin words and numbers read left to right).
/// </summary>
internal static class PdfText
{
    /// <summary>One line of a page in logical order, with its glyphs' units in visual (left to right) order.</summary>
    public sealed record Line(int Page, double Baseline, string Text, IReadOnlyList<Unit> Visual, bool RightToLeft);

    /// <summary>What one glyph (or one marked span of glyphs) stands for, and where it is.</summary>
    public sealed record Unit(string Text, double Left, double Right);

    public static IReadOnlyList<Line> Lines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var lines = new List<Line>();
        foreach (var page in document.GetPages())
        {
            var spans = new Dictionary<Letter, MarkedContentElement>(ReferenceEqualityComparer.Instance);
            foreach (var element in page.GetMarkedContents())
            {
                CollectSpans(element, spans);
            }

            var units = new List<(double Baseline, Unit Unit)>();
            var emitted = new HashSet<MarkedContentElement>(ReferenceEqualityComparer.Instance);
            foreach (var letter in page.Letters)
            {
                var baseline = Math.Round(letter.StartBaseLine.Y, 0);
                if (spans.TryGetValue(letter, out var span))
                {
                    if (emitted.Add(span))
                    {
                        units.Add((baseline, new Unit(span.ActualText!, letter.BoundingBox.Left, letter.BoundingBox.Right)));
                    }
                }
                else
                {
                    units.Add((baseline, new Unit(letter.Value, letter.BoundingBox.Left, letter.BoundingBox.Right)));
                }
            }

            foreach (var group in units.GroupBy(u => u.Baseline).OrderByDescending(g => g.Key))
            {
                var visual = group.Select(u => u.Unit).OrderBy(u => u.Left).ToList();
                // The paragraph direction is unknown: keep the reading whose first letter agrees with it, as
                // dir="auto" decided it; when both or neither do, the direction of most letters.
                var leftToRight = Logical(visual, rightToLeft: false);
                var rightToLeft = Logical(visual, rightToLeft: true);
                var isRightToLeft = (FirstStrongIsRightToLeft(leftToRight), FirstStrongIsRightToLeft(rightToLeft)) switch
                {
                    (false, false) => false,
                    (true, true) => true,
                    _ => visual.Count(u => IsRightToLeft(u.Text)) > visual.Count(u => IsLeftToRight(u.Text)),
                };
                lines.Add(new Line(page.Number, group.Key, isRightToLeft ? rightToLeft : leftToRight, visual, isRightToLeft));
            }
        }

        return lines;
    }

    /// <summary>All lines' logical text, one per line.</summary>
    public static string Text(byte[] pdf) => string.Join('\n', Lines(pdf).Select(l => l.Text));

    private static void CollectSpans(MarkedContentElement element, Dictionary<Letter, MarkedContentElement> spans)
    {
        if (!string.IsNullOrEmpty(element.ActualText))
        {
            foreach (var letter in element.Letters)
            {
                spans[letter] = element;
            }
        }

        foreach (var child in element.Children)
        {
            CollectSpans(child, spans);
        }
    }

    // Visual to logical: in a right-to-left line everything is reversed, then Latin phrases and numbers are set
    // back left to right; in a left-to-right line only the Arabic phrases are reversed (and their numbers set back).
    private static string Logical(List<Unit> visual, bool rightToLeft)
    {
        var texts = visual.Select(u => u.Text).ToList();
        if (rightToLeft)
        {
            texts.Reverse();
            ReverseSegments(texts, IsLeftToRight, IsRightToLeft, 0, texts.Count);
            ReverseNumbers(texts, 0, texts.Count);
        }
        else
        {
            foreach (var (start, end) in Segments(texts, IsRightToLeft, IsLeftToRight, 0, texts.Count))
            {
                texts.Reverse(start, end - start);
                ReverseNumbers(texts, start, end);
            }
        }

        return string.Concat(texts);
    }

    // Maximal stretches that begin and end with a letter of one direction and hold none of the other.
    private static List<(int Start, int End)> Segments(List<string> texts, Func<string, bool> same, Func<string, bool> other, int from, int to)
    {
        var segments = new List<(int, int)>();
        var start = -1;
        var lastSame = -1;
        for (var i = from; i < to; i++)
        {
            if (other(texts[i]))
            {
                if (start >= 0)
                {
                    segments.Add((start, lastSame + 1));
                }

                start = -1;
            }
            else if (same(texts[i]))
            {
                start = start < 0 ? i : start;
                lastSame = i;
            }
        }

        if (start >= 0)
        {
            segments.Add((start, lastSame + 1));
        }

        return segments;
    }

    private static void ReverseSegments(List<string> texts, Func<string, bool> same, Func<string, bool> other, int from, int to)
    {
        foreach (var (start, end) in Segments(texts, same, other, from, to))
        {
            texts.Reverse(start, end - start);
        }
    }

    // Numbers read left to right: digits, with a comma, point, colon or slash between two digits (one number).
    private static void ReverseNumbers(List<string> texts, int from, int to)
    {
        var i = from;
        while (i < to)
        {
            if (!IsDigit(texts[i]) || InsideLatin(texts, i, from, to))
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < to && (IsDigit(texts[end]) || (texts[end] is "," or "." or ":" or "/" && end + 1 < to && IsDigit(texts[end + 1]))))
            {
                end++;
            }

            texts.Reverse(i, end - i);
            i = end;
        }
    }

    // A digit next to Latin letters was already set back with its Latin phrase.
    private static bool InsideLatin(List<string> texts, int index, int from, int to)
    {
        for (var i = index - 1; i >= from && !IsRightToLeft(texts[i]); i--)
        {
            if (IsLeftToRight(texts[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FirstStrongIsRightToLeft(string text) =>
        text.EnumerateRunes().FirstOrDefault(Rune.IsLetter) is { Value: > 0 } first && IsRightToLeft(first);

    private static bool IsDigit(string text) => text.Length == 1 && char.IsAsciiDigit(text[0]);

    private static bool IsLeftToRight(string text) => text.EnumerateRunes().Any(r => Rune.IsLetter(r) && !IsRightToLeft(r));

    private static bool IsRightToLeft(string text) => text.EnumerateRunes().Any(IsRightToLeft);

    private static bool IsRightToLeft(Rune rune) => rune.Value is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF);

    /// <summary>Whether a text holds Arabic presentation forms (shaped glyph codes rather than letters).</summary>
    public static bool HasPresentationForms(string text) =>
        text.Any(c => c is (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'));

    /// <summary>The letters of a line as numbers for a failure message.</summary>
    public static string Describe(string text) => string.Join(' ', text.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
}
