using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Noress.App.Shared.Security;

/// <summary>
/// Configuration section <c>Security:DataProtection</c>: how the Data Protection keys (which sign the
/// sign-in and antiforgery cookies) are encrypted at rest in the database. One of a certificate file,
/// a certificate in the machine's store, or Windows DPAPI; Production refuses to start with none of
/// them unless <see cref="AllowUnprotectedKeys"/> says so explicitly.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "Security:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The thumbprint of a certificate in the CurrentUser or LocalMachine "My" store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>Windows only: protect the keys with DPAPI (the machine's own key protection).</summary>
    public bool UseWindowsDpapi { get; set; }

    /// <summary>Explicit opt-out in Production (e.g. the database itself is encrypted and access-controlled).</summary>
    public bool AllowUnprotectedKeys { get; set; }
}

/// <summary>Which protection was applied when the app was composed, and what went wrong if anything.</summary>
internal sealed record KeyProtectionStatus(string Mode, string? Problem);

public static class KeyProtection
{
    /// <summary>Encrypts new keys as configured and checks, at start, that Production protects them.</summary>
    public static IDataProtectionBuilder ProtectNoressKeys(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var section = configuration.GetSection(KeyProtectionOptions.Section);
        var options = section.Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        builder.Services.AddSingleton(Apply(builder, options));
        builder.Services.Configure<KeyProtectionOptions>(section);
        builder.Services.AddSingleton<IValidateOptions<KeyProtectionOptions>, KeyProtectionValidator>();
        builder.Services.AddOptions<KeyProtectionOptions>().ValidateOnStart();
        return builder;
    }

    private static KeyProtectionStatus Apply(IDataProtectionBuilder builder, KeyProtectionOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            try
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
                if (!certificate.HasPrivateKey)
                {
                    return new("certificate", $"{KeyProtectionOptions.Section}:CertificatePath {options.CertificatePath} holds no private key: keys could be written but never read back.");
                }

                builder.ProtectKeysWithCertificate(certificate);
                return new("certificate", null);
            }
            catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
            {
                return new("certificate", $"{KeyProtectionOptions.Section}:CertificatePath {options.CertificatePath} cannot be loaded: {exception.Message}");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.CertificateThumbprint))
        {
            if (FindInStores(options.CertificateThumbprint) is not { } certificate)
            {
                return new("certificate", $"{KeyProtectionOptions.Section}:CertificateThumbprint {options.CertificateThumbprint} is in neither the CurrentUser nor the LocalMachine \"My\" store, or has no private key.");
            }

            builder.ProtectKeysWithCertificate(certificate);
            return new("certificate", null);
        }

        if (options.UseWindowsDpapi)
        {
            if (!OperatingSystem.IsWindows())
            {
                return new("dpapi", $"{KeyProtectionOptions.Section}:UseWindowsDpapi is only possible on Windows: use a certificate (CertificatePath or CertificateThumbprint).");
            }

            builder.ProtectKeysWithDpapi(protectToLocalMachine: true);
            return new("dpapi", null);
        }

        return new("none", null);
    }

    private static X509Certificate2? FindInStores(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (CryptographicException)
            {
                continue;
            }

            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", string.Empty, StringComparison.Ordinal), validOnly: false);
            if (found.FirstOrDefault(c => c.HasPrivateKey) is { } certificate)
            {
                return certificate;
            }
        }

        return null;
    }
}

internal sealed class KeyProtectionValidator(KeyProtectionStatus status, IHostEnvironment environment) : IValidateOptions<KeyProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyProtectionOptions options)
    {
        if (status.Problem is { } problem)
        {
            return ValidateOptionsResult.Fail(problem);
        }

        return environment.IsProduction() && status.Mode == "none" && !options.AllowUnprotectedKeys
            ? ValidateOptionsResult.Fail(
                $"Data Protection keys would be stored unencrypted: in Production set {KeyProtectionOptions.Section}:CertificatePath " +
                "(and CertificatePassword) or CertificateThumbprint (or UseWindowsDpapi on Windows), " +
                $"or set {KeyProtectionOptions.Section}:AllowUnprotectedKeys=true to accept unencrypted keys on purpose.")
            : ValidateOptionsResult.Success;
    }
}
