using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Security;

namespace Noress.App.Hosting;

/// <summary>HSTS settings (section <c>Security:Hsts</c>); sent outside Development on HTTPS responses.</summary>
public sealed class HstsSettings
{
    public const string Section = "Security:Hsts";

    /// <summary>How long browsers keep to HTTPS for this host; a year by default.</summary>
    public int MaxAgeDays { get; set; } = 365;

    public bool IncludeSubDomains { get; set; } = true;

    /// <summary>Only once the domain is submitted to the browsers' preload list.</summary>
    public bool Preload { get; set; }
}

/// <summary>
/// HTTPS outside Development: HSTS from <see cref="HstsSettings"/>, and a plain-HTTP request that could not
/// be redirected (no HTTPS endpoint known, no trusted proxy saying the client used HTTPS) gets a clear page
/// instead of the antiforgery error that secure-only cookies cause further down (ADR 0012).
/// </summary>
public static class HttpsSetup
{
    public static IServiceCollection AddNoressHttps(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HstsSettings>(configuration.GetSection(HstsSettings.Section));
        services.AddOptions<HstsOptions>().Configure<IOptions<HstsSettings>>((hsts, settings) =>
        {
            hsts.MaxAge = TimeSpan.FromDays(settings.Value.MaxAgeDays);
            hsts.IncludeSubDomains = settings.Value.IncludeSubDomains;
            hsts.Preload = settings.Value.Preload;
        });
        services.PostConfigure<ForwardedHeadersOptions>(forwarded => TrustProxies(forwarded, configuration));
        return services;
    }

    /// <summary>
    /// With <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR), only those
    /// proxies' X-Forwarded-* headers are believed; ASPNETCORE_FORWARDEDHEADERS_ENABLED alone believes any sender (ADR 0048).
    /// </summary>
    internal static void TrustProxies(ForwardedHeadersOptions forwarded, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return;
        }

        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address."));
        }

        foreach (var network in networks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks holds '{network}', which is not a network in CIDR notation (e.g. 10.0.0.0/24)."));
        }
    }

    /// <summary>After request localization, so the page speaks the visitor's language.</summary>
    public static IApplicationBuilder UseNoressHttpsRequired(this IApplicationBuilder app) =>
        app.UseMiddleware<HttpsRequiredMiddleware>();

    /// <summary>Whether HTTP requests can be told apart from HTTPS ones: an HTTPS endpoint, or a proxy's X-Forwarded-Proto trusted.</summary>
    public static bool CanServeHttps(IEnumerable<string> addresses, IConfiguration configuration) =>
        addresses.Any(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        || string.Equals(configuration["FORWARDEDHEADERS_ENABLED"], "true", StringComparison.OrdinalIgnoreCase);
}

internal sealed class HttpsRequiredMiddleware(RequestDelegate next, IStringLocalizer<SharedText> text)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Probes and local scrapers speak plain HTTP to the node itself: their endpoints are marked, not their paths.
        if (context.Request.IsHttps || context.Has<AllowPlainHttpMetadata>())
        {
            return next(context);
        }

        return WritePageAsync(context);
    }

    private async Task WritePageAsync(HttpContext context)
    {
        var request = context.Request;
        var secureUrl = $"https://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        var culture = CultureInfo.CurrentUICulture;
        var direction = NoressCultures.IsRightToLeft(culture) ? "rtl" : "ltr";
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{culture.TwoLetterISOLanguageName}\" dir=\"{direction}\"><head><meta charset=\"utf-8\"><title>{Encode(text["Https.Title"])}</title></head>"
            + $"<body><main data-testid=\"https-required\"><h1>{Encode(text["Https.Title"])}</h1><p>{Encode(text["Https.Body"])}</p>"
            + $"<p><a href=\"{Encode(secureUrl)}\" dir=\"ltr\">{Encode(secureUrl)}</a></p></main></body></html>",
            context.RequestAborted);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
