using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Noress.IntegrationTests.Calls;

/// <summary>Small PDFs for the blind-mode tests.</summary>
public static class ReviewPdfs
{
    /// <summary>A one-page PDF whose information dictionary names <paramref name="author"/>.</summary>
    public static byte[] WithAuthor(string author)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Author = author;
        builder.DocumentInformation.Title = "Budget de " + author;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("Budget", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        return builder.Build();
    }
}
