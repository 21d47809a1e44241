using System.Reflection;
using Microsoft.AspNetCore.Components;
using Noress.App.Hosting;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Security;

public sealed class SecurityHeadersTests(SharedAppFactory factory) : IClassFixture<SharedAppFactory>
{
    /// <summary>Every parameterless page route of the app, plus non-page responses: health, not-found, a static file, a 404, the jobs dashboard.</summary>
    public static TheoryData<string> Routes() => new(RouteList());

    private static List<string> RouteList()
    {
        var pages = new[] { typeof(NoressHostingExtensions).Assembly, typeof(Program).Assembly }
            .SelectMany(assembly => assembly.GetExportedTypes())
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template)
            .Where(template => !template.Contains('{', StringComparison.Ordinal));
        return [.. pages.Concat(["/health", "/not-found", "/favicon.svg", "/no-such-page-anywhere", "/jobs"]).Distinct()];
    }

    [Fact]
    public void Routes_IncludeTheApplicationPages()
    {
        var routes = RouteList();

        Assert.Contains("/", routes);
        Assert.Contains("/administration/audit", routes);
        Assert.Contains("/Account/Login", routes);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Get_AnyRouteAsAdministrator_SendsSecurityHeaders(string route)
    {
        var client = await factory.CreateSignedInClientAsync("admin@noress.demo");

        var response = await client.GetAsync(route);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Get_LoginPageAnonymously_SendsSecurityHeadersAndNoncedImportMap()
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();

        AssertSecurityHeaders(response);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = csp.Split(' ').Single(token => token.StartsWith("'nonce-", StringComparison.Ordinal)).TrimEnd(';')[7..^1];
        var importMap = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]*importmap[^>]*>");
        Assert.True(importMap.Success, "the page has no import map");
        Assert.Contains($"nonce=\"{nonce}\"", importMap.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TwoRequests_UseDifferentNonces()
    {
        var client = factory.CreateAnonymousClient();

        var first = (await client.GetAsync("/Account/Login")).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync("/Account/Login")).Headers.GetValues("Content-Security-Policy").Single();

        Assert.NotEqual(first, second);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Matches("^script-src 'self' 'nonce-[0-9a-f]{32}'$", directives["script-src"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        // Blazor resolves its hub and framework URLs against <base href="/">: see ADR 0005.
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.StartsWith("connect-src 'self'", directives["connect-src"], StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }
}
