using System.Net;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Accounts;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly NoressAppFactory factory = new NoressAppFactory().With("RateLimiting:PermitLimit", "3").With("RateLimiting:WindowSeconds", "3600");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task LoginPosts_BeyondTheLimit_AreRejectedWith429AndALocalizedPage()
    {
        var client = factory.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostLoginAsync("nobody@example.org", "wrong-password")).StatusCode);
        }

        var limited = await client.PostLoginAsync("nobody@example.org", "wrong-password");
        var html = await limited.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("data-testid=\"rate-limited\"", html, StringComparison.Ordinal);
        Assert.Contains("Trop de tentatives", html, StringComparison.Ordinal);
        Assert.True(limited.Headers.RetryAfter is not null);
        // Reading the pages is not limited, only the posts.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task ForgotPasswordPosts_ShareTheClientsLimit()
    {
        var client = factory.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" });
        }

        var limited = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }
}
