using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Sessions.Attendance;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Sessions;

/// <summary>The signed mandate behind a proxy: checked like every upload, stored only with its proxy, downloadable by the secretariat and the two institutions.</summary>
public sealed class ProxyMandateTests : IAsyncLifetime
{
    private const long MaxBytes = 4096;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private readonly string storageRoot = Path.Combine(Path.GetTempPath(), $"noress-mandates-{Guid.NewGuid():N}");

    private SessionsTestHost host = null!;
    private Guid sessionId;
    private Guid ads;
    private Guid odco;

    public async Task InitializeAsync()
    {
        host = await SessionsTestHost.StartAsync(configure: f => f.With("Storage:Root", storageRoot).With("Storage:MaxScanBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        sessionId = await host.OpenPlenaryAsync();
        (ads, odco) = (host.Institutions["ADS"], host.Institutions["ODCO"]);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        if (Directory.Exists(storageRoot))
        {
            Directory.Delete(storageRoot, recursive: true);
        }
    }

    [Fact]
    public async Task GrantAsync_WithASignedPdf_StoresItUnderAGeneratedNameWithTheProxy()
    {
        var proxyId = SessionsTestHost.Ok(await GrantAsync(host.Representatives[ads], "Procuration ADS signée.pdf", Pdf));

        await using var db = await host.DbAsync();
        var proxy = await db.Set<SessionProxy>().SingleAsync(p => p.Id == proxyId);
        Assert.Equal("Procuration ADS signée.pdf", proxy.MandateFileName);
        Assert.Equal("application/pdf", proxy.MandateContentType);
        Assert.NotEqual(proxy.MandateFileName, proxy.MandateFile);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(storageRoot, ProxyMandateService.Kind, proxy.MandateFile!)));
        var board = await host.WithAsync<AttendanceService, ProxyBoard?>(a => a.ProxyBoardAsync(host.Secretariat, sessionId, default));
        Assert.True(board!.Proxies.Single().HasMandate);
        Assert.True(board.Proxies.Single().MandateReadable);
        var holderBoard = await host.WithAsync<AttendanceService, ProxyBoard?>(a => a.ProxyBoardAsync(host.Representatives[odco], sessionId, default));
        Assert.True(holderBoard!.Proxies.Single().MandateReadable);
        // A third institution sees that the mandate is attached, not a link it could not follow.
        var outsiderBoard = await host.WithAsync<AttendanceService, ProxyBoard?>(a => a.ProxyBoardAsync(host.Representatives[host.Institutions["UAE"]], sessionId, default));
        Assert.True(outsiderBoard!.Proxies.Single().HasMandate);
        Assert.False(outsiderBoard.Proxies.Single().MandateReadable);
    }

    [Theory]
    [InlineData("../../mandat.pdf", "Error.MandateFileName")]
    [InlineData("mandats\\ads.pdf", "Error.MandateFileName")]
    [InlineData("mandat.pdf", "Error.MandateType")]
    public async Task GrantAsync_BadFile_IsRefusedAndNeitherProxyNorFileIsSaved(string name, string error)
    {
        var content = error == "Error.MandateType" ? Encoding.ASCII.GetBytes("<html><body>%PDF-1.7</body></html>") : Pdf;

        var result = await GrantAsync(host.Representatives[ads], name, content);

        Assert.Equal(error, result.Refusal?.Code);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task GrantAsync_TooLarge_DeclaredOrWhileReading_IsRefusedAndNothingSaved()
    {
        var large = Pdf.Concat(new byte[MaxBytes]).ToArray();

        var declared = await GrantAsync(host.Representatives[ads], "mandat.pdf", large);
        // A client that lies about the size is caught while reading.
        var lying = await host.WithAsync<ProxyMandateService, Outcome<Guid>>(s =>
            s.GrantAsync(host.Representatives[ads], sessionId, ads, odco, null, new UploadedFile("mandat.pdf", 10, _ => new MemoryStream(large)), default));

        Assert.Equal("Error.MandateTooLarge", declared.Refusal?.Code);
        Assert.Equal("Error.MandateTooLarge", lying.Refusal?.Code);
        Assert.Contains("(1 Mo)", declared.Error, StringComparison.Ordinal);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task GrantAsync_ProxyRefusedAfterTheFilePassed_RemovesTheStoredFile()
    {
        // Someone else's representative: the file is fine, the proxy is not.
        var result = await GrantAsync(host.Representatives[odco], "mandat.pdf", Pdf);

        Assert.Equal("Error.NotRepresentative", result.Refusal?.Code);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task GrantAsync_ScannerConfiguredButDown_IsRefusedAndNothingSaved()
    {
        await using var down = await SessionsTestHost.StartAsync(configure: f => f.With("Storage:Root", storageRoot).With("Uploads:ClamAv", TestClamAv.DeadAddress()));
        var session = await down.OpenPlenaryAsync();
        var (grantor, holder) = (down.Institutions["ADS"], down.Institutions["ODCO"]);

        var result = await down.WithAsync<ProxyMandateService, Outcome<Guid>>(s =>
            s.GrantAsync(down.Representatives[grantor], session, grantor, holder, null, new UploadedFile("mandat.pdf", Pdf.Length, _ => new MemoryStream(Pdf)), default));

        Assert.Equal("Error.ScannerUnavailable", result.Refusal?.Code);
        await using var db = await down.DbAsync();
        Assert.False(await db.Set<SessionProxy>().AnyAsync());
        Assert.True(!Directory.Exists(Path.Combine(storageRoot, ProxyMandateService.Kind)) || Directory.GetFiles(Path.Combine(storageRoot, ProxyMandateService.Kind)).Length == 0);
    }

    [Fact]
    public async Task AttachAsync_GrantorWhilePending_SecretariatAfterValidation_OthersNever()
    {
        var proxyId = SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(a => a.GrantProxyAsync(host.Representatives[ads], sessionId, ads, odco, "Lettre", default)));

        var byHolder = await AttachAsync(host.Representatives[odco], proxyId, "mandat.png", Png);
        var byGrantor = await AttachAsync(host.Representatives[ads], proxyId, "mandat.png", Png);
        SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(a => a.ReviewProxyAsync(host.Secretariat, proxyId, true, default)));
        var byGrantorAfterReview = await AttachAsync(host.Representatives[ads], proxyId, "mandat.pdf", Pdf);
        var bySecretariat = await AttachAsync(host.Secretariat, proxyId, "Mandat original.pdf", Pdf);

        Assert.Equal("Error.NotRepresentative", byHolder.Refusal?.Code);
        Assert.True(byGrantor.Succeeded, byGrantor.Error);
        Assert.Equal("Error.ProxyReviewed", byGrantorAfterReview.Refusal?.Code);
        Assert.True(bySecretariat.Succeeded, bySecretariat.Error);
        await using var db = await host.DbAsync();
        var proxy = await db.Set<SessionProxy>().SingleAsync(p => p.Id == proxyId);
        Assert.Equal(("Mandat original.pdf", "application/pdf"), (proxy.MandateFileName, proxy.MandateContentType));
        // The replaced PNG is gone: one file, the proxy's.
        Assert.Equal([proxy.MandateFile], Directory.GetFiles(Path.Combine(storageRoot, ProxyMandateService.Kind)).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AttachAsync_ImageNamedPdf_IsStoredAsWhatItsBytesAre()
    {
        var proxyId = SessionsTestHost.Ok(await GrantAsync(host.Representatives[ads], "scan.pdf", Png));

        await using var db = await host.DbAsync();
        var proxy = await db.Set<SessionProxy>().SingleAsync(p => p.Id == proxyId);
        Assert.Equal(("scan.png", "image/png"), (proxy.MandateFileName, proxy.MandateContentType));
        Assert.EndsWith(".png", proxy.MandateFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_SecretariatAndTheTwoInstitutions_GetTheScan_OthersDoNot()
    {
        var proxyId = SessionsTestHost.Ok(await GrantAsync(host.Secretariat, "Procuration.pdf", Pdf));
        var url = ProxyMandateService.DownloadPath(proxyId);
        var outsider = await AddDemoPasswordUserAsync("UAE");

        var secretariat = await (await host.Factory.CreateSignedInClientAsync("secretariat@noress.demo")).GetAsync(url);
        var grantorPerson = await (await host.Factory.CreateSignedInClientAsync("member@noress.demo")).GetAsync(url);
        var holderPerson = await (await host.Factory.CreateSignedInClientAsync("rep2@noress.demo")).GetAsync(url);
        var otherInstitution = await (await host.Factory.CreateSignedInClientAsync(outsider)).GetAsync(url);
        var anonymous = await host.Factory.CreateAnonymousClient().GetAsync(url);
        var unknown = await (await host.Factory.CreateSignedInClientAsync("secretariat@noress.demo")).GetAsync(ProxyMandateService.DownloadPath(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.OK, secretariat.StatusCode);
        Assert.Equal("application/pdf", secretariat.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", secretariat.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", secretariat.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await secretariat.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, grantorPerson.StatusCode);
        Assert.Equal(HttpStatusCode.OK, holderPerson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherInstitution.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private Task<Outcome<Guid>> GrantAsync(System.Security.Claims.ClaimsPrincipal user, string name, byte[] content) =>
        host.WithAsync<ProxyMandateService, Outcome<Guid>>(s =>
            s.GrantAsync(user, sessionId, ads, odco, "Lettre du président", new UploadedFile(name, content.Length, _ => new MemoryStream(content)), default));

    private Task<Outcome<Guid>> AttachAsync(System.Security.Claims.ClaimsPrincipal user, Guid proxyId, string name, byte[] content) =>
        host.WithAsync<ProxyMandateService, Outcome<Guid>>(s => s.AttachAsync(user, proxyId, new UploadedFile(name, content.Length, _ => new MemoryStream(content)), default));

    private async Task AssertNothingSavedAsync()
    {
        await using var db = await host.DbAsync();
        Assert.False(await db.Set<SessionProxy>().AnyAsync(p => p.SessionId == sessionId));
        var folder = Path.Combine(storageRoot, ProxyMandateService.Kind);
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    /// <summary>A member of another institution who can sign in over HTTP.</summary>
    private async Task<string> AddDemoPasswordUserAsync(string acronym)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        var email = $"outsider.{acronym.ToLowerInvariant()}@sessions.test";
        var user = new NoressUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Personne extérieure", InstitutionId = host.Institutions[acronym], CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, AuthenticatedClient.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
        return email;
    }
}
