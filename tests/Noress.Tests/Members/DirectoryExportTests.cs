using Noress.App.Members;

namespace Noress.Tests.Members;

public sealed class DirectoryExportTests
{
    [Theory]
    [InlineData("ODCO", "ODCO")]
    [InlineData("Tanger, Tétouan", "\"Tanger, Tétouan\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+212 5 39", "'+212 5 39")]
    [InlineData(null, "")]
    public void Escape_QuotesAndDefusesFormulas(string? value, string expected) =>
        Assert.Equal(expected, DirectoryExport.Escape(value));
}
