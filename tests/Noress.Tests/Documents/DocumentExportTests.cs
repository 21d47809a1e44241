using System.Globalization;
using Noress.App.Documents.History;

namespace Noress.Tests.Documents;

public sealed class DocumentExportTests
{
    [Theory]
    [InlineData("Règlement intérieur", "Règlement-intérieur.md")]
    [InlineData("../../etc/passwd", "etc-passwd.md")]
    [InlineData("a\"b\r\nc;d", "a-b-c-d.md")]
    [InlineData("النظام الداخلي", "النظام-الداخلي.md")]
    [InlineData("???", "document.md")]
    public void FileName_KeepsLettersAndDigitsOnly(string title, string expected) =>
        Assert.Equal(expected, DocumentExport.FileName(title, "md"));

    [Fact]
    public void FileName_LongTitle_IsCut()
    {
        var name = DocumentExport.FileName(new string('a', 300), "md");

        Assert.Equal(83, name.Length);
    }

    [Fact]
    public void PrintPage_Arabic_IsRightToLeftWithDirAutoPerBlock()
    {
        var html = DocumentExport.PrintPage("<Titre> Règlement", "v3", "Bonjour\n\nمرحبا بكم", CultureInfo.GetCultureInfo("ar-MA"));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<p dir=\"auto\">مرحبا بكم</p>", html, StringComparison.Ordinal);
        Assert.Contains("<h1 dir=\"auto\">&lt;Titre&gt; Règlement</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Titre>", html, StringComparison.Ordinal);
    }
}
