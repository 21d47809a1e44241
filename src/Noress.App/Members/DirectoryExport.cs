using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Noress.App.Members;

/// <summary>Writes the filtered directory as CSV or XLSX, with headers in the reader's language.</summary>
public static class DirectoryExport
{
    public static IReadOnlyList<string> Headers(IStringLocalizer<MembersText> t) =>
    [
        t["Field.Acronym"], t["Field.NameFr"], t["Field.NameAr"], t["Field.Category"], t["Field.City"], t["Field.Phone"],
        t["Field.Email"], t["Field.Website"], t["Field.Status"], t["Field.MemberSince"], t["Field.MouStatus"], t["Field.GoodStanding"],
    ];

    public static IReadOnlyList<string?> Cells(DirectoryRow row, IStringLocalizer<MembersText> t) =>
    [
        row.Acronym, row.NameFr, row.NameAr, t[$"Category.{row.Category}"], row.City, row.Phone, row.Email, row.Website,
        t[$"Status.{row.Status}"], row.MemberSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.MouStatus is { } mou ? t[$"Mou.Status.{mou}"] : t["Mou.Status.None"], row.InGoodStanding ? t["Common.Yes"] : t["Common.No"],
    ];

    /// <summary>UTF-8 with a byte order mark so spreadsheet programs read Arabic correctly.</summary>
    public static byte[] ToCsv(IReadOnlyList<DirectoryRow> rows, IStringLocalizer<MembersText> t)
    {
        var builder = new StringBuilder();
        AppendLine(builder, Headers(t));
        foreach (var row in rows)
        {
            AppendLine(builder, Cells(row, t));
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
                values[headers[i]] = cells[i];
            }

            return values;
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with an apostrophe.</summary>
    internal static string Escape(string? value)
    {
        value ??= string.Empty;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', ';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static void AppendLine(StringBuilder builder, IEnumerable<string?> cells) =>
        builder.Append(string.Join(',', cells.Select(Escape))).Append("\r\n");
}
