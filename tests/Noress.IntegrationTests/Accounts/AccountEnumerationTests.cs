using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Noress.App.Accounts;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Accounts;

/// <summary>Sign-in must not tell which addresses have an account, by its message or by the work it does (ADR 0012).</summary>
public sealed partial class AccountEnumerationTests : IAsyncLifetime
{
    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Login_UnknownWrongPasswordAndDeactivated_AnswerTheSamePage()
    {
        await SetActiveAsync("rep1@noress.demo", active: false);

        var unknown = await LoginPageAsync("nobody-here@noress.demo", "not-the-password");
        var wrong = await LoginPageAsync("member@noress.demo", "not-the-password");
        var deactivatedWrong = await LoginPageAsync("rep1@noress.demo", "not-the-password");
        var deactivatedRight = await LoginPageAsync("rep1@noress.demo", AuthenticatedClient.DemoPassword);

        Assert.Contains("data-testid=\"login-error\"", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, deactivatedWrong);
        Assert.Equal(unknown, deactivatedRight);
    }

    [Fact]
    public async Task Login_DeactivatedAccountWithWrongPasswords_StillCountsTowardsLockout()
    {
        await SetActiveAsync("rep1@noress.demo", active: false);
        var client = factory.CreateAnonymousClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostLoginAsync("rep1@noress.demo", "not-the-password");
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync("rep1@noress.demo"))!));
    }

    [Fact]
    public async Task Login_UnknownAddress_VerifiesAPasswordHashLikeAKnownOne()
    {
        var counter = new HashCounter();
        await using var counted = factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddSingleton(counter);
            s.AddScoped<IPasswordHasher<NoressUser>>(sp => new CountingHasher(new PasswordHasher<NoressUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), counter));
        }));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await client.PostLoginAsync("member@noress.demo", "not-the-password");
        var known = counter.Verifications;
        await client.PostLoginAsync("nobody-here@noress.demo", "not-the-password");
        var unknown = counter.Verifications - known;

        Assert.Equal(1, known);
        Assert.Equal(1, unknown);
    }

    private async Task<string> LoginPageAsync(string email, string password)
    {
        var response = await factory.CreateAnonymousClient().PostLoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        // What legitimately differs between two answers: the echoed address, the per-request token, nonce and
        // protected component-state markers.
        html = html.Replace(email, "ADDRESS", StringComparison.Ordinal);
        html = BlazorMarker().Replace(html, "<!--Blazor-->");
        html = TokenValue().Replace(html, "name=\"__RequestVerificationToken\" value=\"TOKEN\"");
        return Nonce().Replace(html, "nonce=\"NONCE\"");
    }

    private async Task SetActiveAsync(string email, bool active)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.IsActive = active;
        await users.UpdateAsync(user);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]*\"")]
    private static partial Regex TokenValue();

    [GeneratedRegex("<!--Blazor[^>]*-->")]
    private static partial Regex BlazorMarker();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    private sealed class HashCounter
    {
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public void Count() => Interlocked.Increment(ref verifications);
    }

    private sealed class CountingHasher(IPasswordHasher<NoressUser> inner, HashCounter counter) : IPasswordHasher<NoressUser>
    {
        public string HashPassword(NoressUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(NoressUser user, string hashedPassword, string providedPassword)
        {
            counter.Count();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
