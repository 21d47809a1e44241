using System.Net;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Members;

/// <summary>The members pages prerender for a signed-in person, and the secretariat's pages are theirs only.</summary>
public sealed class MembersPagesTests : IAsyncLifetime
{
    private readonly MembersTestHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("/members", "data-testid=\"directory-grid\"")]
    [InlineData("/members/ODCO", "data-testid=\"institution-acronym\"")]
    [InlineData("/members/odco", "data-testid=\"mandates\"")]
    [InlineData("/members/people", "data-testid=\"people-grid\"")]
    [InlineData("/members/mou", "data-testid=\"mou-register\"")]
    public async Task Page_SignedInMember_Renders(string url, string marker)
    {
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/members/ADS", "data-testid=\"mou-open\"")]
    [InlineData("/members/ADS", "data-testid=\"mandate-open\"")]
    [InlineData("/members/ADS", "data-testid=\"status-open\"")]
    [InlineData("/members/ADS", "data-testid=\"institution-edit\"")]
    [InlineData("/members/ADS/edit", "data-testid=\"logo-upload\"")]
    [InlineData("/members/new", "data-testid=\"institution-save\"")]
    public async Task Page_Secretariat_RendersTheEditingTools(string url, string marker)
    {
        var client = await host.Factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var html = await client.GetStringAsync(url);

        Assert.Contains(marker, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstitutionPage_Member_HasNoEditingTools()
    {
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");

        var html = await client.GetStringAsync("/members/ADS");

        Assert.DoesNotContain("data-testid=\"mandate-open\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"status-open\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"mou-open\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"institution-edit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MouRegister_ListsAllThirtyFiveInstitutions()
    {
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");

        var html = await client.GetStringAsync("/members/mou");

        Assert.Equal(35, html.Split("data-testid=\"mou-row\"").Length - 1);
    }

    [Fact]
    public async Task PersonPage_SecretariatViewingAMember_OffersDeactivation()
    {
        var client = await host.Factory.CreateSignedInClientAsync("secretariat@noress.demo");
        var memberId = await host.UserIdAsync("member@noress.demo");

        var html = await client.GetStringAsync($"/members/people/{memberId}");

        Assert.Contains("data-testid=\"person-toggle-active\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewInstitutionPage_Member_IsDenied()
    {
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync("/members/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
