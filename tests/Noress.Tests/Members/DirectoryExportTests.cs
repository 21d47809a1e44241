using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.VisualBasic.FileIO;
using MiniExcelLibs;
using Noress.App.Members;
using Noress.App.Members.Mou;

namespace Noress.Tests.Members;

public sealed class DirectoryExportTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly IStringLocalizer<MembersText> t = new ServiceCollection()
        .AddLogging()
        .AddLocalization()
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<MembersText>>();

    [Theory]
    [InlineData("ODCO", "ODCO")]
    [InlineData("Tanger, Tétouan", "\"Tanger, Tétouan\"")]
    [InlineData("Tanger; Tétouan", "\"Tanger; Tétouan\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData(null, "")]
    public void Escape_QuotesAndDefusesFormulas(string? value, string expected) =>
        Assert.Equal(expected, DirectoryExport.Escape(value));

    [Theory]
    [InlineData("+212 5 39 12 34 56", "\"\t+212 5 39 12 34 56\"")]
    [InlineData("0539123456", "\"\t0539123456\"")]
    [InlineData("05.39.12.34.56", "\"\t05.39.12.34.56\"")]
    [InlineData("+1=cmd|' /C calc'!A0", "'+1=cmd|' /C calc'!A0")]
    [InlineData("", "")]
    public void EscapePhone_PhoneShapedText_StaysTextWithoutAVisibleMark(string value, string expected) =>
        Assert.Equal(expected, DirectoryExport.EscapePhone(value));

    [Fact]
    public void ToCsv_ReadBackBySemicolons_GivesEveryCellIntact()
    {
        using var culture = new UiCulture("fr");
        var rows = new[]
        {
            Row("ODCO", "Office; \"Développement\"\nde la coopération", "مكتب تنمية التعاون", "+212 5 39 12 34 56", new DateTime(2019, 3, 1)),
            Row("UAE", "Université", "جامعة عبد المالك السعدي", "0539123456", null),
        };

        var bytes = DirectoryExport.ToCsv(rows, t);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var read = ReadCsv(bytes, ";");
        Assert.Equal(3, read.Count);
        Assert.Equal(["Sigle", "Nom (français)"], read[0][..2]);
        Assert.All(read, line => Assert.Equal(12, line.Length));
        Assert.Equal("Office; \"Développement\"\nde la coopération", read[1][1]);
        Assert.Equal("مكتب تنمية التعاون", read[1][2]);
        // The tab is what keeps Excel from reading a number or a formula; every reader's trim gives the number back.
        Assert.Equal("\t+212 5 39 12 34 56", read[1][5]);
        Assert.Equal("0539123456", read[2][5].Trim());
        Assert.DoesNotContain("'", read[1][5] + read[2][5], StringComparison.Ordinal);
        Assert.DoesNotContain("=", read[1][5] + read[2][5], StringComparison.Ordinal);
        Assert.Equal("2019-03-01", read[1][9]);
        Assert.Equal(string.Empty, read[2][9]);
    }

    [Fact]
    public void ToCsv_CommaSeparator_ReadsBackByCommas()
    {
        using var culture = new UiCulture("en");
        var bytes = DirectoryExport.ToCsv([Row("A,B", "Name", "اسم", "0612", null)], t, ',');

        var read = ReadCsv(bytes, ",");

        Assert.Equal("A,B", read[1][0]);
        Assert.Equal(12, read[1].Length);
    }

    [Theory]
    [InlineData("fr", "Annuaire", false)]
    [InlineData("ar", "دليل الأعضاء", true)]
    [InlineData("en", "Directory", false)]
    public async Task ToXlsxAsync_NamedSheetWithRealDateCells(string language, string sheetName, bool rightToLeft)
    {
        using var culture = new UiCulture(language);
        var rows = new[] { Row("ODCO", "Office", "مكتب", "+212 5 39 12 34 56", new DateTime(2019, 3, 1)) };

        var bytes = await DirectoryExport.ToXlsxAsync(rows, t, CancellationToken.None);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var workbook = Load(zip, "xl/workbook.xml");
        Assert.Equal(sheetName, Assert.Single(workbook.Descendants(Main + "sheet")).Attribute("name")?.Value);
        var sheet = Load(zip, "xl/worksheets/sheet1.xml");
        Assert.Equal(rightToLeft ? "1" : "0", sheet.Descendants(Main + "sheetView").Single().Attribute("rightToLeft")?.Value);
        // Column J holds the membership date: a number (no t="s"/"str") whose style has a date format.
        var date = sheet.Descendants(Main + "c").Single(c => c.Attribute("r")?.Value == "J2");
        Assert.Null(date.Attribute("t"));
        Assert.Equal(new DateTime(2019, 3, 1), DateTime.FromOADate(double.Parse(date.Element(Main + "v")!.Value, CultureInfo.InvariantCulture)));
        var styles = Load(zip, "xl/styles.xml");
        var format = styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ElementAt(int.Parse(date.Attribute("s")!.Value, CultureInfo.InvariantCulture));
        Assert.True(IsDateFormat(int.Parse(format.Attribute("numFmtId")!.Value, CultureInfo.InvariantCulture), styles), format.ToString());
        var phone = sheet.Descendants(Main + "c").Single(c => c.Attribute("r")?.Value == "F2");
        Assert.Equal("+212 5 39 12 34 56", phone.Value);

        using var stream = new MemoryStream(bytes);
        var read = Assert.Single(stream.Query(useHeaderRow: true, sheetName: sheetName).Cast<IDictionary<string, object?>>());
        Assert.Equal(new DateTime(2019, 3, 1), Assert.IsType<DateTime>(read[t["Field.MemberSince"].Value]));
    }

    private static bool IsDateFormat(int numFmtId, XDocument styles) =>
        numFmtId is >= 14 and <= 22 || styles.Descendants(Main + "numFmt").Any(f =>
            f.Attribute("numFmtId")?.Value == numFmtId.ToString(CultureInfo.InvariantCulture) && f.Attribute("formatCode")!.Value.Contains("yy", StringComparison.OrdinalIgnoreCase));

    private static XDocument Load(ZipArchive zip, string name)
    {
        using var entry = zip.GetEntry(name)!.Open();
        return XDocument.Load(entry);
    }

    private static List<string[]> ReadCsv(byte[] bytes, string delimiter)
    {
        using var parser = new TextFieldParser(new MemoryStream(bytes), Encoding.UTF8, detectEncoding: true)
        {
            TextFieldType = FieldType.Delimited,
            Delimiters = [delimiter],
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        var lines = new List<string[]>();
        while (!parser.EndOfData)
        {
            lines.Add(parser.ReadFields()!);
        }

        return lines;
    }

    private static DirectoryRow Row(string acronym, string nameFr, string nameAr, string? phone, DateTime? since) =>
        new(Guid.NewGuid(), acronym, nameFr, nameAr, InstitutionCategory.Association, "Tanger", phone, "contact@example.org", null,
            MembershipStatus.Active, since, HasLogo: false, IsDemo: false, MouStatus.Signed, InGoodStanding: true);

    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = previous;
    }
}
