using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Noress.App.Members.Mou;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Members;

public sealed class MouScanTests : IAsyncLifetime
{
    private const long MaxBytes = 4096;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private readonly MembersTestHost host = new(MaxBytes);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task UploadScanAsync_Pdf_IsStoredOutsideWwwrootUnderAGeneratedName()
    {
        var adsId = await host.InstitutionIdAsync("ADS");

        var result = await UploadAsync(adsId, "MoU ADS signé.pdf", Pdf);

        Assert.True(result.Succeeded, result.Error);
        await using var db = await host.DbAsync();
        var signature = await db.Set<MouSignature>().SingleAsync(s => s.InstitutionId == adsId);
        Assert.Equal("MoU ADS signé.pdf", signature.ScanFileName);
        Assert.NotEqual(signature.ScanFileName, signature.ScanFile);
        Assert.True(File.Exists(Path.Combine(host.StorageRoot, MouService.ScanKind, signature.ScanFile!)));
    }

    [Theory]
    [InlineData("../../scan.pdf", "Error.FileName")]
    [InlineData("scans\\ads.pdf", "Error.FileName")]
    [InlineData("scan.exe", "Error.NotPdf")]
    public async Task UploadScanAsync_BadName_IsRefusedAndNothingStored(string name, string error)
    {
        var adsId = await host.InstitutionIdAsync("ADS");

        var result = await UploadAsync(adsId, name, Pdf);

        Assert.Equal(error, result.Refusal?.Code);
        await AssertNothingStoredAsync(adsId);
    }

    [Fact]
    public async Task UploadScanAsync_PdfExtensionButNotPdfBytes_IsRefusedAndNothingStored()
    {
        var adsId = await host.InstitutionIdAsync("ADS");

        var result = await UploadAsync(adsId, "scan.pdf", Encoding.ASCII.GetBytes("<html><body>%PDF-1.7</body></html>"));

        Assert.Equal("Error.NotPdf", result.Refusal?.Code);
        await AssertNothingStoredAsync(adsId);
    }

    [Fact]
    public async Task UploadScanAsync_TooLarge_IsRefusedAndNothingStored()
    {
        var adsId = await host.InstitutionIdAsync("ADS");
        var large = Pdf.Concat(new byte[MaxBytes]).ToArray();

        var declaredTooLarge = await UploadAsync(adsId, "scan.pdf", large);
        // A client that lies about the size is caught while reading.
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var lying = await host.WithAsync<MouService, Outcome<Guid>>(s => s.UploadScanAsync(secretariat, adsId, "scan.pdf", 10, _ => new MemoryStream(large), default));

        Assert.Equal("Error.ScanTooLarge", declaredTooLarge.Refusal?.Code);
        Assert.Equal("Error.ScanTooLarge", lying.Refusal?.Code);
        await AssertNothingStoredAsync(adsId);
    }

    [Fact]
    public async Task UploadScanAsync_ByMember_IsNotAllowed()
    {
        var adsId = await host.InstitutionIdAsync("ADS");
        var member = await host.PrincipalAsync("member@noress.demo");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            host.WithAsync<MouService, Outcome<Guid>>(s => s.UploadScanAsync(member, adsId, "scan.pdf", Pdf.Length, _ => new MemoryStream(Pdf), default)));
    }

    [Fact]
    public async Task Download_SecretariatAndOwnInstitution_GetTheAttachment_OthersDoNot()
    {
        var adsId = await host.InstitutionIdAsync("ADS");
        Assert.True((await UploadAsync(adsId, "MoU ADS.pdf", Pdf)).Succeeded);
        var url = $"/members/files/mou-scans/{adsId}";

        var secretariat = await (await host.Factory.CreateSignedInClientAsync("secretariat@noress.demo")).GetAsync(url);
        var ownInstitution = await (await host.Factory.CreateSignedInClientAsync("member@noress.demo")).GetAsync(url);
        var otherInstitution = await (await host.Factory.CreateSignedInClientAsync("rep2@noress.demo")).GetAsync(url);
        var anonymous = await host.Factory.CreateAnonymousClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, secretariat.StatusCode);
        Assert.Equal("application/pdf", secretariat.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", secretariat.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Pdf, await secretariat.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, ownInstitution.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherInstitution.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task MoveAsync_InvalidTransition_IsRefused()
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var adsId = await host.InstitutionIdAsync("ADS");
        await using var db = await host.DbAsync();
        var status = await db.Set<MouSignature>().Where(s => s.InstitutionId == adsId).Select(s => s.Status).SingleAsync();
        var invalid = Enum.GetValues<MouStatus>().First(to => !MouStateMachine.CanMove(status, to));

        var result = await host.WithAsync<MouService, Outcome<Guid>>(s => s.MoveAsync(secretariat, adsId, invalid, new MouStep(new DateOnly(2026, 1, 1), "X"), default));

        Assert.Equal("Error.InvalidTransition", result.Refusal?.Code);
    }

    private async Task<Outcome<Guid>> UploadAsync(Guid institutionId, string name, byte[] content)
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        return await host.WithAsync<MouService, Outcome<Guid>>(s =>
            s.UploadScanAsync(secretariat, institutionId, name, content.Length, _ => new MemoryStream(content), default));
    }

    private async Task AssertNothingStoredAsync(Guid institutionId)
    {
        await using var db = await host.DbAsync();
        Assert.Null(await db.Set<MouSignature>().Where(s => s.InstitutionId == institutionId).Select(s => s.ScanFile).SingleAsync());
        var folder = Path.Combine(host.StorageRoot, MouService.ScanKind);
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }
}
