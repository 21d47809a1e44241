using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Accounts;
using Noress.App.Accounts.Outside;
using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Calls.Outside;

/// <summary>One app per database provider for the registration tests; each test uses addresses of its own.</summary>
public sealed class OutsideRegistrationHost : IAsyncLifetime
{
    private NoressAppFactory? factory;

    // The app's clock, which only the expiry test moves (confirmation links expire by it).
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public NoressAppFactory Factory(DatabaseProvider provider) =>
        factory ??= new NoressAppFactory(provider).WithServices(s => s.AddSingleton<TimeProvider>(Clock));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}

/// <summary>Registration, confirmation and sign-in of outside initiatives (ADR 0038), on SQLite and on PostgreSQL.</summary>
public abstract class OutsideRegistrationTests(DatabaseProvider provider, OutsideRegistrationHost host)
{
    private string Email { get; } = $"salma-{Guid.NewGuid():N}@tifawin.example";
    private readonly FakeTimeProvider clock = host.Clock;
    private readonly NoressAppFactory factory = host.Factory(provider);

    [Fact]
    public async Task Register_ThenConfirmFromTheMail_SignsInToItsOwnArea()
    {
        var registered = await factory.RegisterAsync(Email);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains("Account/RegisterInitiativeSent", registered.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Not before confirming: the right password gets "confirm first" (and a fresh link), no cookie.
        var early = await factory.CreateAnonymousClient().PostLoginAsync(Email, OutsideInitiatives.Password);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("data-testid=\"login-error\"", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var link = await factory.ConfirmationLinkAsync(Email);
        var confirmed = await factory.CreateAnonymousClient().GetStringAsync(link);
        Assert.Contains("data-testid=\"confirm-done\"", confirmed, StringComparison.Ordinal);

        var client = factory.CreateAnonymousClient();
        var signIn = await client.PostLoginAsync(Email, OutsideInitiatives.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(OutsideAccounts.HomePath, new Uri(new Uri("http://localhost"), signIn.Headers.Location!).AbsolutePath);
        var area = WebUtility.HtmlDecode(await client.GetStringAsync(OutsideAccounts.HomePath));
        Assert.Contains("Coopérative Tifawin", area, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"applicant-no-applications\"", area, StringComparison.Ordinal);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Email);
        Assert.Null(user.InstitutionId);
        Assert.True(user.EmailConfirmed);
        var initiative = await db.Set<OutsideInitiative>().AsNoTracking().SingleAsync(i => i.UserId == user.Id);
        Assert.Equal(InitiativeLegalForm.Cooperative, initiative.LegalForm);
        Assert.NotNull(initiative.ConfirmedAt);
        using var scope = factory.Services.CreateScope();
        var roles = await scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>().GetRolesAsync(user);
        Assert.Equal([Roles.OutsideApplicant], roles);
    }

    [Fact]
    public async Task SignIn_Unconfirmed_IsRefusedWhateverThePassword()
    {
        await factory.RegisterAsync(Email);

        foreach (var password in new[] { OutsideInitiatives.Password, "Wrong-password-2026" })
        {
            var client = factory.CreateAnonymousClient();
            var response = await client.PostLoginAsync(Email, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(OutsideAccounts.HomePath)).StatusCode);
        }
    }

    [Fact]
    public async Task Confirm_AfterTheLinkExpired_IsRefused_AndSigningInSendsAFreshOne()
    {
        await factory.RegisterAsync(Email);
        var link = await factory.ConfirmationLinkAsync(Email);

        clock.Advance(OutsideConfirmationLinks.Lifetime);
        var expired = await factory.CreateAnonymousClient().GetStringAsync(link);
        Assert.Contains("data-testid=\"confirm-error\"", expired, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm-done\"", expired, StringComparison.Ordinal);

        await factory.CreateAnonymousClient().PostLoginAsync(Email, OutsideInitiatives.Password);
        var fresh = await factory.ConfirmationLinkAsync(Email);
        Assert.NotEqual(link, fresh);
        Assert.Contains("data-testid=\"confirm-done\"", await factory.CreateAnonymousClient().GetStringAsync(fresh), StringComparison.Ordinal);
        await factory.CreateSignedInClientAsync(Email, OutsideInitiatives.Password);
    }

    [Fact]
    public async Task Confirm_ForgedOrAlteredLink_IsRefused()
    {
        await factory.RegisterAsync(Email);
        var token = OutsideInitiatives.TokenOf(await factory.ConfirmationLinkAsync(Email));
        var altered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];

        foreach (var forged in new[] { altered, "CfDJ8forged", Guid.NewGuid().ToString() })
        {
            var page = await factory.CreateAnonymousClient().GetStringAsync($"/Account/ConfirmInitiative?token={Uri.EscapeDataString(forged)}");
            Assert.Contains("data-testid=\"confirm-error\"", page, StringComparison.Ordinal);
        }

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Users.Where(u => u.Email == Email).Select(u => u.EmailConfirmed).SingleAsync());
    }

    [Fact]
    public async Task Register_WithAMembersAddress_AnswersTheSame_CreatesNothing_AndTellsTheOwner()
    {
        var known = await factory.RegisterAsync("member@noress.demo");
        var unknown = await factory.RegisterAsync(Email);

        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(unknown.Headers.Location, known.Headers.Location);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var member = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "member@noress.demo");
        Assert.NotNull(member.InstitutionId);
        Assert.False(await db.Set<OutsideInitiative>().AnyAsync(i => i.UserId == member.Id));
        await factory.ConfirmationLinkAsync(Email);
        var notice = Assert.Single(factory.MessagesTo("member@noress.demo"));
        Assert.DoesNotContain("/Account/ConfirmInitiative", notice.TextBody, StringComparison.Ordinal);

        // The member still signs in as before.
        await factory.CreateSignedInClientAsync("member@noress.demo");
    }

    [Fact]
    public async Task Register_InvalidForm_StoresNothing()
    {
        var form = OutsideInitiatives.Form(Email);
        form["Input.Consent"] = "false";

        var response = await factory.CreateAnonymousClient().SubmitFormAsync("/Account/RegisterInitiative", "register-initiative", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"register-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Email == Email));
    }
}

public sealed class OutsideRegistrationOnSqliteTests(OutsideRegistrationHost host) : OutsideRegistrationTests(DatabaseProvider.Sqlite, host), IClassFixture<OutsideRegistrationHost>;

public sealed class OutsideRegistrationOnPostgreSqlTests(OutsideRegistrationHost host) : OutsideRegistrationTests(DatabaseProvider.PostgreSql, host), IClassFixture<OutsideRegistrationHost>;
