using System.Net;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Accounts;

public sealed class LogoutTests : IAsyncLifetime
{
    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRefusedAndTheSessionStays()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Logout_WithTheTokenOfThePageForm_SignsOut()
    {
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");
        var page = await client.GetStringAsync("/Account/Manage/TwoFactor");

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AuthenticatedClient.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.OriginalString);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
