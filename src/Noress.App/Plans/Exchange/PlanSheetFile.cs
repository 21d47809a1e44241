using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Noress.App.Members;

namespace Noress.App.Plans.Exchange;

/// <summary>One row as read from a sheet: its line in the spreadsheet (1 = the header) and its cells as invariant text.</summary>
public sealed record SheetRow(int Line, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : string.Empty;
}

/// <summary>The two sheets of a plan workbook as read: header rows and data rows (empty rows skipped).</summary>
public sealed record PlanSheet(IReadOnlyList<string> NodeHeader, IReadOnlyList<SheetRow> Nodes, IReadOnlyList<string> IndicatorHeader, IReadOnlyList<SheetRow> Indicators);

/// <summary>A plan's export: the nodes and indicators as sheet values, with the names their references go by.</summary>
public sealed record PlanExport(PlanSummary Plan, IReadOnlyList<PlanNodeValues> Nodes, IReadOnlyList<IndicatorValues> Indicators, PlanSheetNames Names);

/// <summary>Writes a plan as XLSX (two sheets) or CSV (the nodes) and reads the XLSX back, through <see cref="PlanSheetLayout"/>'s columns.</summary>
public static class PlanSheetFile
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static IReadOnlyList<string> Headers(IStringLocalizer<PlanExchangeText> t) =>
        [.. PlanSheetLayout.Columns.Select(c => t["Column." + c].Value)];

    public static IReadOnlyList<string> IndicatorHeaders(IStringLocalizer<PlanExchangeText> t) =>
        [.. PlanSheetLayout.IndicatorColumns.Select(c => t["IndicatorColumn." + c].Value)];

    /// <summary>Two sheets, headers in the reader's language; dates are real dates, amounts and progress numbers.</summary>
    public static async Task<byte[]> ToXlsxAsync(PlanExport export, IStringLocalizer<PlanExchangeText> t, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(export);
        var headers = Headers(t);
        var indicatorHeaders = IndicatorHeaders(t);
        var nodes = new List<Dictionary<string, object?>> { Row(headers, headers) };
        nodes.AddRange(export.Nodes.Select(n => Row(headers, [.. PlanSheetLayout.Columns.Select(c => PlanSheetLayout.Cell(c, n, export.Names))])));
        var indicators = new List<Dictionary<string, object?>> { Row(indicatorHeaders, indicatorHeaders) };
        indicators.AddRange(export.Indicators.Select(i => Row(indicatorHeaders, [.. PlanSheetLayout.IndicatorColumns.Select(c => PlanSheetLayout.Cell(c, i))])));
        var sheets = new Dictionary<string, object>
        {
            [SheetName(t["Sheet.Plan"].Value, "Plan")] = nodes,
            [SheetName(t["Sheet.Indicators"].Value, "Indicators")] = indicators,
        };
        using var stream = new MemoryStream();
        // The header is the first row we write (printHeader off), so an empty indicators sheet still names its columns.
        var configuration = new OpenXmlConfiguration { RightToLeft = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft };
        await stream.SaveAsAsync(sheets, printHeader: false, configuration: configuration, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>The nodes as CSV: UTF-8 with a byte order mark, CRLF, the members' export quoting and formula defence.</summary>
    public static byte[] ToCsv(PlanExport export, IStringLocalizer<PlanExchangeText> t, char separator = DirectoryExport.DefaultSeparator)
    {
        ArgumentNullException.ThrowIfNull(export);
        var builder = new StringBuilder();
        Append(builder, Headers(t), separator);
        foreach (var node in export.Nodes)
        {
            Append(builder, [.. PlanSheetLayout.Columns.Select(c => PlanSheetLayout.Text(PlanSheetLayout.Cell(c, node, export.Names)))], separator);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    /// <summary>Whether the bytes can be a workbook (a ZIP container); the reader decides the rest.</summary>
    public static bool LooksLikeXlsx(ReadOnlySpan<byte> content) => content.StartsWith(ZipMagic);

    /// <summary>The two sheets (the second may be missing), or null when the bytes are not a readable workbook.</summary>
    public static PlanSheet? Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!LooksLikeXlsx(content))
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var names = stream.GetSheetNames();
            if (names.Count == 0)
            {
                return null;
            }

            var (nodeHeader, nodes) = ReadSheet(stream, names[0], PlanSheetLayout.Columns.Count, [(int)PlanColumn.StartsOn, (int)PlanColumn.DueOn]);
            var (indicatorHeader, indicators) = names.Count > 1 ? ReadSheet(stream, names[1], PlanSheetLayout.IndicatorColumns.Count, []) : ([], []);
            return new PlanSheet(nodeHeader, nodes, indicatorHeader, indicators);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or IOException or ArgumentException or FormatException or NullReferenceException or KeyNotFoundException or IndexOutOfRangeException)
        {
            // A damaged or foreign file: the import says the layout is not the plan's.
            return null;
        }
    }

    private static (IReadOnlyList<string> Header, IReadOnlyList<SheetRow> Rows) ReadSheet(Stream stream, string sheet, int width, int[] dateColumns)
    {
        stream.Position = 0;
        IReadOnlyList<string> header = [];
        var rows = new List<SheetRow>();
        var line = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, sheetName: sheet))
        {
            line++;
            var cells = Enumerable.Range(0, width).Select(i => Clean(row.TryGetValue(Letter(i), out var value) ? value : null, line > 1 && dateColumns.Contains(i))).ToList();
            if (line == 1)
            {
                header = cells;
            }
            else if (cells.Any(c => c.Length > 0))
            {
                rows.Add(new SheetRow(line, cells));
            }
        }

        return (header, rows);
    }

    // A date cell may come back as its serial number, depending on its style: read it as the day it stands for.
    private static string Clean(object? value, bool date) => PlanSheetLayout.Text(date && value is double serial and > 1 and < 2958466 ? DateTime.FromOADate(serial) : value).Trim();

    private static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";

    private static Dictionary<string, object?> Row(IReadOnlyList<string> headers, IReadOnlyList<object?> cells)
    {
        var values = new Dictionary<string, object?>();
        for (var i = 0; i < headers.Count; i++)
        {
            values[headers[i]] = cells[i];
        }

        return values;
    }

    private static string SheetName(string name, string fallback)
    {
        var clean = new string([.. name.Where(c => "[]:*?/\\".IndexOf(c) < 0)]).Trim();
        return clean.Length == 0 ? fallback : clean[..Math.Min(clean.Length, 31)];
    }

    private static void Append(StringBuilder builder, IReadOnlyList<string> cells, char separator)
    {
        builder.AppendJoin(separator, cells.Select(c => DirectoryExport.Escape(c, separator)));
        builder.Append("\r\n");
    }
}

/// <summary>Marker for the strings of plan imports, exports and reports (PlanExchangeText.resx is French, the default).</summary>
public sealed class PlanExchangeText
{
}
