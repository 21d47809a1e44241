using System.Net;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Accounts;

public sealed class LockoutTests : IAsyncLifetime
{
    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksAccountAndRefusesTheCorrectPassword()
    {
        var client = factory.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await client.PostLoginAsync("member@noress.demo", "not-the-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var fifth = await client.PostLoginAsync("member@noress.demo", "not-the-password");
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Contains("Account/Lockout", fifth.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var correct = await client.PostLoginAsync("member@noress.demo", AuthenticatedClient.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, correct.StatusCode);
        Assert.Contains("Account/Lockout", correct.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
