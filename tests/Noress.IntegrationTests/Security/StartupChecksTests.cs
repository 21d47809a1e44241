using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Security;

/// <summary>A Production start with a setting that would fail later stops at once, with one message naming the setting.</summary>
/// <remarks>
/// Alone, after the parallel tests: a host that fails while it starts is disposed by its factory, and the test host's
/// capture of the app being built is process-wide, so a concurrent test's app could be the one disposed (seen once in
/// CI: another test's start found its LoggerFactory disposed).
/// </remarks>
[Collection(nameof(StartupChecksTests))]
public sealed class StartupChecksTests : IDisposable
{
    private readonly string storageRoot = Path.Combine(Path.GetTempPath(), $"noress-files-{Guid.NewGuid():N}");
    private readonly string certificateFolder = Path.Combine(Path.GetTempPath(), $"noress-cert-{Guid.NewGuid():N}");

    public static TheoryData<string, string?, string> InvalidProductionSettings => new()
    {
        { "Email:Host", "", "Email:Host is empty" },
        { "FORWARDEDHEADERS_ENABLED", "true", "Accounts:PublicBaseUrl is empty behind a reverse proxy" },
        { "Storage:Root", "data/files", "inside the application folder" },
        { "Documents:Persistence", "Batched", "Documents:Persistence is Batched" },
        { "Security:DataProtection:AllowUnprotectedKeys", "false", "Data Protection keys would be stored unencrypted" },
        { "Accounts:PublicBaseUrl", "noress.ma", "is not an absolute http(s) address" },
        { "Uploads:ClamAv", "clamd-host:3310", "Uploads:ClamAv must be tcp://host:port or unix:" },
        { "Server:KeepAliveSeconds", "0", "Server:KeepAliveSeconds is 0" },
    };

    [Theory]
    [MemberData(nameof(InvalidProductionSettings))]
    public async Task ProductionStart_WithInvalidSetting_StopsWithOneClearMessage(string key, string? value, string message)
    {
        await using var factory = Production().With(key, value);

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        var text = error.ToString();
        Assert.Contains(message, text, StringComparison.Ordinal);
        // Only the broken setting is reported: the others of this list are fine.
        foreach (var (_, _, other) in InvalidProductionSettings.Select(row => ((string)row[0], (string?)row[1], (string)row[2])))
        {
            Assert.True(other == message || !text.Contains(other, StringComparison.Ordinal), $"Unexpected message \"{other}\" in {text}");
        }
    }

    [Fact]
    public async Task ProductionStart_WithValidSettings_IsLive()
    {
        await using var factory = Production();

        var response = await factory.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, 15)]
    [InlineData("40", 40)]
    public async Task ProductionStart_ClosesIdleConnectionsAfterServerKeepAliveSeconds(string? setting, int seconds)
    {
        await using var factory = setting is null ? Production() : Production().With("Server:KeepAliveSeconds", setting);

        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(seconds), kestrel.Limits.KeepAliveTimeout);
    }

    [Fact]
    public async Task ProductionStart_WithCertificate_StoresKeysEncrypted()
    {
        var (path, password) = CreateCertificate();
        await using var factory = Production()
            .With("Security:DataProtection:AllowUnprotectedKeys", "false")
            .With("Security:DataProtection:CertificatePath", path)
            .With("Security:DataProtection:CertificatePassword", password);

        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var secret = protector.Protect("secret");

        Assert.Equal("secret", protector.Unprotect(secret));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        Assert.Contains("encryptedSecret", key.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionStart_WithUnreadableCertificate_StopsWithItsPath()
    {
        var missing = Path.Combine(certificateFolder, "missing.pfx");
        await using var factory = Production()
            .With("Security:DataProtection:AllowUnprotectedKeys", "false")
            .With("Security:DataProtection:CertificatePath", missing);

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.True(error.ToString().Contains($"Security:DataProtection:CertificatePath {missing} cannot be loaded", StringComparison.Ordinal), error.ToString());
    }

    public void Dispose()
    {
        foreach (var folder in new[] { storageRoot, certificateFolder })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    // Everything a Production node needs, so that each test breaks exactly one thing.
    private NoressAppFactory Production() => NoressAppFactory.Production().With("Storage:Root", storageRoot);

    private (string Path, string Password) CreateCertificate()
    {
        Directory.CreateDirectory(certificateFolder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=noress-data-protection-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Guid.NewGuid().ToString("N");
        var path = Path.Combine(certificateFolder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return (path, password);
    }
}

/// <summary>Runs <see cref="StartupChecksTests"/> on its own (see there).</summary>
[CollectionDefinition(nameof(StartupChecksTests), DisableParallelization = true)]
public sealed class StartupChecksCollection;
