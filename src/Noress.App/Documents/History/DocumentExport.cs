using System.Globalization;
using System.Text;
using Noress.App.Shared.Pdf;

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
    /// A standalone printable page (<see cref="PrintableHtml"/>): the same page the PDF export prints, with the
    /// reader's fonts. The title and subtitle come localized.
    /// </summary>
    public static string PrintPage(string title, string subtitle, string markdown, CultureInfo culture) =>
        PrintableHtml.FromMarkdown(title, subtitle, markdown, culture, PrintTarget.Browser);
}
