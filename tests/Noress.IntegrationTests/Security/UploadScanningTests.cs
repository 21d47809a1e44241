using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;
using Noress.IntegrationTests.Members;

namespace Noress.IntegrationTests.Security;

/// <summary>Every upload goes through the real clamd that test.sh starts; with the scanner down, uploads are refused.</summary>
public sealed class UploadScanningTests
{
    private static readonly byte[] CleanPdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    // A real PDF header, so the type check passes and only the scanner can refuse it.
    private static readonly byte[] InfectedPdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n{TestClamAv.Eicar}\n%%EOF\n");

    private static readonly byte[] InfectedPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes(TestClamAv.Eicar)];

    [Fact]
    public async Task MouScan_WithEicar_IsRefusedAndNothingStored()
    {
        await using var host = Host(TestClamAv.Address);
        var adsId = await host.InstitutionIdAsync("ADS");

        var result = await UploadScanAsync(host, adsId, InfectedPdf);

        Assert.Equal("Error.Infected", result.Refusal?.Code);
        await AssertNoScanStoredAsync(host, adsId);
    }

    [Fact]
    public async Task MouScan_Clean_IsScannedAndStored()
    {
        await using var host = Host(TestClamAv.Address);
        var adsId = await host.InstitutionIdAsync("ADS");

        var result = await UploadScanAsync(host, adsId, CleanPdf);

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(Directory.GetFiles(Path.Combine(host.StorageRoot, MouService.ScanKind)));
    }

    [Fact]
    public async Task Logo_WithEicar_IsRefusedAndNothingStored()
    {
        await using var host = Host(TestClamAv.Address);
        var adsId = await host.InstitutionIdAsync("ADS");
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");

        var result = await host.WithAsync<InstitutionService, Outcome<Guid>>(s =>
            s.SetLogoAsync(secretariat, adsId, InfectedPng.Length, _ => new MemoryStream(InfectedPng), default));

        Assert.Equal("Error.Infected", result.Refusal?.Code);
        Assert.False(Directory.Exists(Path.Combine(host.StorageRoot, InstitutionService.LogoKind)) && Directory.GetFiles(Path.Combine(host.StorageRoot, InstitutionService.LogoKind)).Length > 0);
    }

    [Fact]
    public async Task ScannerConfiguredButDown_UploadIsRefusedWithAClearMessage_AndReadinessSaysWhy()
    {
        await using var host = Host(TestClamAv.DeadAddress());
        var adsId = await host.InstitutionIdAsync("ADS");

        var result = await UploadScanAsync(host, adsId, CleanPdf);

        Assert.Equal("Error.ScannerUnavailable", result.Refusal?.Code);
        await AssertNoScanStoredAsync(host, adsId);
        var text = host.Factory.Services.GetRequiredService<IStringLocalizer<MembersText>>();
        var messages = new List<string>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "fr", "ar", "en" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                var message = text[result.Refusal!.Code];
                Assert.False(message.ResourceNotFound, $"No {culture} message for {result.Refusal!.Code}.");
                messages.Add(message.Value);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal(3, messages.Distinct().Count());

        var response = await host.Factory.CreateAnonymousClient().GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var clamav = json.RootElement.GetProperty("entries").GetProperty("clamav");
        Assert.Equal("Unhealthy", clamav.GetProperty("status").GetString());
        Assert.Contains("not reachable", clamav.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_WithScannerUp_ReportsItHealthy()
    {
        await using var host = Host(TestClamAv.Address);

        var body = await host.Factory.CreateAnonymousClient().GetStringAsync("/health/ready");

        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("entries").GetProperty("clamav").GetProperty("status").GetString());
    }

    private static MembersTestHost Host(string clamAv)
    {
        var host = new MembersTestHost();
        host.Factory.With("Uploads:ClamAv", clamAv);
        return host;
    }

    private static async Task<Outcome<Guid>> UploadScanAsync(MembersTestHost host, Guid institutionId, byte[] content)
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        return await host.WithAsync<MouService, Outcome<Guid>>(s =>
            s.UploadScanAsync(secretariat, institutionId, "MoU.pdf", content.Length, _ => new MemoryStream(content), default));
    }

    private static async Task AssertNoScanStoredAsync(MembersTestHost host, Guid institutionId)
    {
        await using var db = await host.DbAsync();
        Assert.Null(await db.Set<MouSignature>().Where(s => s.InstitutionId == institutionId).Select(s => s.ScanFile).SingleAsync());
        var folder = Path.Combine(host.StorageRoot, MouService.ScanKind);
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }
}
