using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Noress.App.Accounts;

/// <summary>
/// Behind a reverse proxy (forwarded headers enabled) e-mailed links must not be built from whatever Host
/// a request carried: a forged Host would put an attacker's address in a password-reset mail.
/// </summary>
internal sealed class AccountOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<AccountOptions>
{
    /// <summary>ASP.NET Core's switch for trusting X-Forwarded-* (environment variable ASPNETCORE_FORWARDEDHEADERS_ENABLED).</summary>
    public const string ForwardedHeadersKey = "FORWARDEDHEADERS_ENABLED";

    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Accounts:PublicBaseUrl \"{options.PublicBaseUrl}\" is not an absolute http(s) address such as https://noress.ma/.");
        }

        return environment.IsProduction() && configuration.GetValue<bool>(ForwardedHeadersKey)
            ? ValidateOptionsResult.Fail(
                "Accounts:PublicBaseUrl is empty behind a reverse proxy (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true): " +
                "set it to the public address, e.g. https://noress.ma/, so e-mailed links never follow a request's Host header.")
            : ValidateOptionsResult.Success;
    }
}
