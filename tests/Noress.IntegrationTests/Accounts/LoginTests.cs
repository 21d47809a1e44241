using System.Net;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Accounts;

public sealed class LoginTests : IAsyncLifetime
{
    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page()
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_secretariat_signs_in_and_sees_the_dashboard_figures()
    {
        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var html = await client.GetStringAsync("/");

        Assert.Contains("data-testid=\"figure-institutions\"", html, StringComparison.Ordinal);
        Assert.Contains(">35<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_a_localized_error_and_does_not_sign_in()
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.PostLoginAsync("secretariat@noress.demo", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"login-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
