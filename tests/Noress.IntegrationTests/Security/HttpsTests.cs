using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Security;

/// <summary>Outside Development: HSTS of a year with subdomains, and plain HTTP answered with a clear page, never a 500.</summary>
public sealed class HttpsTests : IAsyncLifetime
{
    private readonly NoressAppFactory factory = NoressAppFactory.Production(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task LoginPage_InProductionOverHttps_SendsAYearOfHstsWithSubdomains()
    {
        var response = await Client("https://noress.test").GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Hsts_MaxAgeFromConfiguration()
    {
        factory.With("Security:Hsts:MaxAgeDays", "730").With("Security:Hsts:Preload", "true");

        var response = await Client("https://noress.test").GetAsync("/Account/Login");

        Assert.Equal("max-age=63072000; includeSubDomains; preload", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task LoginPage_InProductionOverPlainHttp_SaysHttpsIsRequiredInsteadOfFailing()
    {
        var response = await Client("http://noress.test").GetAsync("/Account/Login?returnUrl=%2Fmembers");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"https-required\"", html, StringComparison.Ordinal);
        Assert.Contains("https://noress.test/Account/Login?returnUrl=%2Fmembers", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_InProductionOverPlainHttp_StillAnswersProbes()
    {
        var response = await Client("http://noress.test").GetAsync("/health");

        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task PathUnderHealth_ThatIsNoProbe_InProductionOverPlainHttp_SaysHttpsIsRequired()
    {
        // The exemption belongs to the probe endpoints, not to whatever path starts like them.
        var response = await Client("http://noress.test").GetAsync("/health/../Account/Login");
        var lookalike = await Client("http://noress.test").GetAsync("/health/anything");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lookalike.StatusCode);
        Assert.Contains("data-testid=\"https-required\"", await lookalike.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Client(string baseAddress) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });
}
