using System.Globalization;
using Noress.App.Shared.Markdown;

namespace Noress.App.Shared.Pdf;

/// <summary>Who reads a printable page: a person's browser (its own fonts) or Chromium on the server making a PDF.</summary>
public enum PrintTarget
{
    Browser,
    Pdf,
}

/// <summary>
/// The platform's printable page: clean typography, each block's direction from its own text (dir="auto"),
/// the page's direction from the reader's language. The print page shows it; the PDF is this page printed by
/// Chromium (ADR 0018), so both lay out text, bidi and tables the same way.
/// </summary>
public static class PrintableHtml
{
    // The PDF's page loads nothing but itself: no script, no request to any server (a markdown image pointing at
    // an internal address must not become a request from the server), only its inline style and embedded font.
    private const string PdfPolicy = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

    private static readonly Lazy<string> EmbeddedFont = new(() =>
    {
        using var stream = typeof(PrintableHtml).Assembly.GetManifestResourceStream("Noress.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The PDF font is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Convert.ToBase64String(copy.ToArray());
    });

    /// <summary>A page from markdown, rendered by <see cref="SafeMarkdown"/>.</summary>
    public static string FromMarkdown(string title, string subtitle, string markdown, CultureInfo culture, PrintTarget target) =>
        FromHtml(title, subtitle, SafeMarkdown.ToHtml(markdown), culture, target);

    /// <summary>A page around body HTML that is already safe (sanitized or built by the app). Title and subtitle are text.</summary>
    public static string FromHtml(string title, string subtitle, string safeBodyHtml, CultureInfo culture, PrintTarget target)
    {
        var direction = culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        var pdf = target == PrintTarget.Pdf;
        var head = pdf
            ? $"""<meta http-equiv="Content-Security-Policy" content="{PdfPolicy}">"""
            : """<link rel="icon" type="image/svg+xml" href="/favicon.svg">""";
        // In a PDF the embedded font comes first, so the output does not depend on the server's fonts.
        var fonts = pdf
            ? $$"""@font-face { font-family: "NORESS Sans"; src: url(data:font/ttf;base64,{{EmbeddedFont.Value}}) format("truetype"); }"""
            : string.Empty;
        var family = pdf
            ? "\"NORESS Sans\", \"DejaVu Sans\", sans-serif"
            : "\"Noto Naskh Arabic\", \"Amiri\", \"Noto Serif\", \"DejaVu Serif\", Georgia, serif";
        return $$"""
            <!DOCTYPE html>
            <html lang="{{Encode(culture.TwoLetterISOLanguageName)}}" dir="{{direction}}">
            <head>
            <meta charset="utf-8">
            {{head}}
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}}</title>
            <style>
            {{fonts}}
            @page { size: A4; margin: 2cm; }
            body { font-family: {{family}}; line-height: 1.6; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
            h1, h2, h3, h4 { line-height: 1.25; page-break-after: avoid; }
            header { border-bottom: 1px solid #999; margin-bottom: 1.5rem; }
            header p { color: #555; margin-top: 0; }
            pre, code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
            pre { white-space: pre-wrap; border: 1px solid #ddd; padding: 0.5rem; }
            table { border-collapse: collapse; }
            td, th { border: 1px solid #999; padding: 0.25rem 0.5rem; }
            tr { break-inside: avoid; }
            blockquote { border-inline-start: 3px solid #999; margin-inline: 0; padding-inline-start: 1rem; color: #333; }
            article { overflow-wrap: anywhere; }
            article img { max-width: 100%; }
            .{{SafeMarkdown.UnrenderableClass}} { border-inline-start: 4px solid #999; padding: 0.5rem 0.75rem; font-style: italic; }
            @media print { body { margin: 0; max-width: none; padding: 0; } }
            </style>
            </head>
            <body>
            <header>
            <h1 dir="auto">{{Encode(title)}}</h1>
            <p dir="auto">{{Encode(subtitle)}}</p>
            </header>
            <article>
            {{safeBodyHtml}}
            </article>
            </body>
            </html>
            """;
    }

    // Only markup characters: WebUtility.HtmlEncode would turn every accented letter into an entity.
    internal static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
