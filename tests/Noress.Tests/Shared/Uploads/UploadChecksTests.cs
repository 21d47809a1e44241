using System.Text;
using Noress.App.Shared.Uploads;

namespace Noress.Tests.Shared.Uploads;

public sealed class UploadChecksTests
{
    [Theory]
    [InlineData("MoU signé.pdf", "MoU signé.pdf")]
    [InlineData("  scan.pdf ", "scan.pdf")]
    [InlineData("scan\u0000.pdf", "scan.pdf")]
    [InlineData("a<b>|c?.pdf", "abc.pdf")]
    [InlineData(".hidden.pdf", "hidden.pdf")]
    [InlineData("evil\u202Efdp.exe", "evilfdp.exe")]
    [InlineData("\u2067scan\u2069.pdf", "scan.pdf")]
    public void SanitizeFileName_PlainName_KeepsASafeName(string name, string expected) =>
        Assert.Equal(expected, UploadChecks.SanitizeFileName(name));

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\windows\\scan.pdf")]
    [InlineData("/tmp/scan.pdf")]
    [InlineData("C:scan.pdf")]
    [InlineData("folder/scan.pdf")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<>|")]
    public void SanitizeFileName_PathSegmentsOrNothingLeft_IsRefused(string name) =>
        Assert.Null(UploadChecks.SanitizeFileName(name));

    [Fact]
    public void SanitizeFileName_VeryLongName_IsCutKeepingTheExtension()
    {
        var result = UploadChecks.SanitizeFileName(new string('a', 300) + ".pdf");

        Assert.Equal(UploadChecks.MaxFileNameLength, result!.Length);
        Assert.EndsWith(".pdf", result, StringComparison.Ordinal);
    }

    [Fact]
    public void IsPdf_PdfMagicBytes_IsTrue() => Assert.True(UploadChecks.IsPdf("%PDF-1.7\n%âãÏÓ"u8));

    [Theory]
    [InlineData("")]
    [InlineData("%PDF")]
    [InlineData("<html>%PDF-1.7")]
    [InlineData("PK\u0003\u0004 zip")]
    public void IsPdf_OtherContent_IsFalse(string content) => Assert.False(UploadChecks.IsPdf(Encoding.Latin1.GetBytes(content)));

    [Fact]
    public void ImageKind_PngAndJpeg_AreRecognisedByTheirBytes()
    {
        Assert.Equal(("image/png", ".png"), UploadChecks.ImageKind(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }));
        Assert.Equal(("image/jpeg", ".jpg"), UploadChecks.ImageKind(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }));
        Assert.Null(UploadChecks.ImageKind("GIF89a"u8));
    }
}
