using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Noress.App.Members;

/// <summary>Writes the filtered directory as CSV or XLSX, with headers in the reader's language.</summary>
public static partial class DirectoryExport
{
    /// <summary>What French and Moroccan Excel splits on when a .csv is double-clicked (their list separator).</summary>
    public const char DefaultSeparator = ';';

    private const int PhoneColumn = 5;

    public static IReadOnlyList<string> Headers(IStringLocalizer<MembersText> t) =>
    [
        t["Field.Acronym"], t["Field.NameFr"], t["Field.NameAr"], t["Field.Category"], t["Field.City"], t["Field.Phone"],
        t["Field.Email"], t["Field.Website"], t["Field.Status"], t["Field.MemberSince"], t["Field.MouStatus"], t["Field.GoodStanding"],
    ];

    /// <summary>The row's values; the membership date stays a <see cref="DateTime"/> so the spreadsheet gets a real date.</summary>
    public static IReadOnlyList<object?> Cells(DirectoryRow row, IStringLocalizer<MembersText> t) =>
    [
        row.Acronym, row.NameFr, row.NameAr, t[$"Category.{row.Category}"].Value, row.City, row.Phone, row.Email, row.Website,
        t[$"Status.{row.Status}"].Value, row.MemberSince?.Date,
        row.MouStatus is { } mou ? t[$"Mou.Status.{mou}"].Value : t["Mou.Status.None"].Value, row.InGoodStanding ? t["Common.Yes"].Value : t["Common.No"].Value,
    ];

    /// <summary>UTF-8 with a byte order mark (so Excel reads Arabic), CRLF rows, <paramref name="separator"/> between cells.</summary>
    public static byte[] ToCsv(IReadOnlyList<DirectoryRow> rows, IStringLocalizer<MembersText> t, char separator = DefaultSeparator)
    {
        var builder = new StringBuilder();
        AppendLine(builder, Headers(t), separator, phoneColumn: -1);
        foreach (var row in rows)
        {
            AppendLine(builder, Cells(row, t).Select(CsvText).ToList(), separator, PhoneColumn);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    public static async Task<byte[]> ToXlsxAsync(IReadOnlyList<DirectoryRow> rows, IStringLocalizer<MembersText> t, CancellationToken ct)
    {
        var headers = Headers(t);
        var sheet = rows.Select(row =>
        {
            var cells = Cells(row, t);
            var values = new Dictionary<string, object?>();
            for (var i = 0; i < headers.Count; i++)
            {
                // Typed string cells (t="str") are never run as formulas, so the values stay exact here.
                values[headers[i]] = cells[i];
            }

            return values;
        }).ToList();
        using var stream = new MemoryStream();
        // DateTime values become serial numbers with the built-in short date format (numFmt 14), which Excel shows in the reader's locale.
        var configuration = new OpenXmlConfiguration { RightToLeft = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft };
        await stream.SaveAsAsync(sheet, sheetName: SheetName(t), configuration: configuration, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>The localized sheet name, cut to what Excel accepts (31 characters, none of <c>[]:*?/\</c>).</summary>
    internal static string SheetName(IStringLocalizer<MembersText> t)
    {
        var name = new string([.. t["Directory.SheetName"].Value.Where(c => "[]:*?/\\".IndexOf(c) < 0)]).Trim();
        return name.Length == 0 ? "Directory" : name[..Math.Min(name.Length, 31)];
    }

    /// <summary>
    /// RFC 4180 quoting (separator, quote, line breaks); text a spreadsheet would run as a formula gets a visible apostrophe,
    /// the one defence every spreadsheet honours.
    /// </summary>
    internal static string Escape(string? value, char separator = DefaultSeparator)
    {
        value = DefuseFormula(value ?? string.Empty);
        return NeedsQuotes(value, separator) ? Quote(value) : value;
    }

    /// <summary>
    /// A phone number as text without a visible mark: Excel turns "0612…" into a number (the zero lost) and "+212 …" into a formula,
    /// and shows a leading apostrophe from a CSV as is; a leading tab keeps the cell text, stays invisible and any reader's trim removes it.
    /// Only values made of phone characters get it; anything else goes through <see cref="Escape"/>.
    /// </summary>
    internal static string EscapePhone(string? value, char separator = DefaultSeparator) =>
        value is { Length: > 0 } && PhoneShape().IsMatch(value) ? Quote("\t" + value) : Escape(value, separator);

    private static string DefuseFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0' ? "'" + value : value;

    private static bool NeedsQuotes(string value, char separator) =>
        value.IndexOf(separator) >= 0 || value.IndexOfAny([',', ';', '"', '\n', '\r', '\t']) >= 0 || (value.Length > 0 && char.IsWhiteSpace(value[^1]));

    private static string Quote(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string? CsvText(object? value) => value switch
    {
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value as string,
    };

    private static void AppendLine(StringBuilder builder, IReadOnlyList<string?> cells, char separator, int phoneColumn)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            builder.Append(i == phoneColumn ? EscapePhone(cells[i], separator) : Escape(cells[i], separator));
        }

        builder.Append("\r\n");
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ().\-/]*$")]
    private static partial Regex PhoneShape();
}
