using System.Globalization;
using System.Text;
using Noress.App.Shared.Markdown;

namespace Noress.App.Documents.History;

/// <summary>Pure helpers for the markdown download and the print page.</summary>
public static class DocumentExport
{
    /// <summary>A file name from a title: letters (any script), digits, '-' and '_' only, at most 80 characters.</summary>
    public static string FileName(string title, string extension)
    {
        var builder = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c is '-' or '_')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var name = builder.ToString().Trim('-');
        if (name.Length > 80)
        {
            name = name[..80].TrimEnd('-');
        }

        return $"{(name.Length == 0 ? "document" : name)}.{extension}";
    }

    /// <summary>
    /// A standalone printable page: clean typography, each block's direction from its own text (dir="auto"),
    /// the page's direction from the reader's language. The title and subtitle come localized.
    /// </summary>
    public static string PrintPage(string title, string subtitle, string markdown, CultureInfo culture)
    {
        var direction = culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        var body = SafeMarkdown.ToHtml(markdown);
        return $$"""
            <!DOCTYPE html>
            <html lang="{{Encode(culture.TwoLetterISOLanguageName)}}" dir="{{direction}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" type="image/svg+xml" href="/favicon.svg">
            <title>{{Encode(title)}}</title>
            <style>
            @page { size: A4; margin: 2cm; }
            body { font-family: "Noto Naskh Arabic", "Amiri", "Noto Serif", "DejaVu Serif", Georgia, serif; line-height: 1.6; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
            h1, h2, h3, h4 { line-height: 1.25; page-break-after: avoid; }
            header { border-bottom: 1px solid #999; margin-bottom: 1.5rem; }
            header p { color: #555; margin-top: 0; }
            pre, code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
            pre { white-space: pre-wrap; border: 1px solid #ddd; padding: 0.5rem; }
            table { border-collapse: collapse; }
            td, th { border: 1px solid #999; padding: 0.25rem 0.5rem; }
            blockquote { border-inline-start: 3px solid #999; margin-inline: 0; padding-inline-start: 1rem; color: #333; }
            article { overflow-wrap: anywhere; }
            article img { max-width: 100%; }
            .noress-markdown-unrenderable { border-inline-start: 4px solid #999; padding: 0.5rem 0.75rem; font-style: italic; }
            @media print { body { margin: 0; max-width: none; } }
            </style>
            </head>
            <body>
            <header>
            <h1 dir="auto">{{Encode(title)}}</h1>
            <p dir="auto">{{Encode(subtitle)}}</p>
            </header>
            <article>
            {{body}}
            </article>
            </body>
            </html>
            """;
    }

    // Only markup characters: WebUtility.HtmlEncode would turn every accented letter into an entity.
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
