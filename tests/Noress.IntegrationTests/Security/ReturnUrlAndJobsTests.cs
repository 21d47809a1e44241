using System.Net;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Security;

public sealed class ReturnUrlAndJobsTests(SharedAppFactory factory) : IClassFixture<SharedAppFactory>
{
    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0d%0a/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("https://evil.example/")]
    public async Task SetCulture_ReturnUrlNotLocal_RedirectsHome(string returnUrl)
    {
        var response = await factory.CreateAnonymousClient().GetAsync($"/culture/set?culture=ar&returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SetCulture_LocalReturnUrl_GoesBackThere()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/culture/set?culture=ar&returnUrl=%2Fmembers%3Fq%3Dx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/members?q=x", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task JobsDashboard_AsMember_ShowsTheAccessDeniedPage()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("data-testid=\"access-denied\"", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
