using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Accounts;
using Noress.App.Accounts.Invitations;
using Noress.App.Data;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Accounts;

public sealed class InvitationTests : IAsyncLifetime
{
    private const string Invitee = "nouvelle.personne@example.org";
    private const string Password = "Bienvenue-2026";

    private readonly NoressAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task AcceptInvitation_FirstUse_CreatesTheAccountInTheInstitutionAndSignsIn()
    {
        var result = await InviteAsync(factory, "secretariat@noress.demo", Invitee, Roles.Member);
        Assert.True(result.Succeeded, result.Error);
        var link = Assert.Single(factory.MessagesTo(Invitee)).LinkTo("/Account/AcceptInvitation");

        var client = factory.CreateAnonymousClient();
        var accepted = await AcceptAsync(client, link);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", new Uri(new Uri("http://localhost"), accepted.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        var user = (await users.FindByEmailAsync(Invitee))!;
        Assert.Equal("Amina Haddad", user.FullName);
        Assert.Equal(await InstitutionIdAsync(factory, "ADS"), user.InstitutionId);
        Assert.Equal([Roles.Member], await users.GetRolesAsync(user));
        Assert.NotNull(await factory.CreateSignedInClientAsync(Invitee, Password));
    }

    [Fact]
    public async Task AcceptInvitation_SecondUse_IsRefused()
    {
        await InviteAsync(factory, "secretariat@noress.demo", Invitee, Roles.Member);
        var link = Assert.Single(factory.MessagesTo(Invitee)).LinkTo("/Account/AcceptInvitation");
        var first = factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(first, link)).StatusCode);

        var page = await factory.CreateAnonymousClient().GetStringAsync(link);
        var second = await AcceptAsync(factory.CreateAnonymousClient(), link, formFromPage: false);

        Assert.Contains("data-testid=\"invitation-unusable\"", page, StringComparison.Ordinal);
        Assert.Contains("déjà été utilisée", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("data-testid=\"invitation-unusable\"", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptInvitation_AfterExpiry_IsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var timed = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        await InviteAsync(timed, "secretariat@noress.demo", Invitee, Roles.Member);
        var link = Assert.Single(factory.MessagesTo(Invitee)).LinkTo("/Account/AcceptInvitation");

        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var client = timed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync(link);

        Assert.Contains("data-testid=\"invitation-unusable\"", page, StringComparison.Ordinal);
        Assert.Contains("expiré", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"accept-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptInvitation_Revoked_IsRefused()
    {
        var result = await InviteAsync(factory, "secretariat@noress.demo", Invitee, Roles.Member);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
            var secretariat = await PrincipalAsync(scope, "secretariat@noress.demo");
            Assert.True((await invitations.RevokeAsync(secretariat, result.Value)).Succeeded);
            // Revoking again (another tab, a double click) is refused and says why.
            Assert.Equal("Invitations.NotPending", (await invitations.RevokeAsync(secretariat, result.Value)).Refusal?.Code);
        }

        var link = Assert.Single(factory.MessagesTo(Invitee)).LinkTo("/Account/AcceptInvitation");
        var response = await AcceptAsync(factory.CreateAnonymousClient(), link, formFromPage: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("annulée", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptInvitation_UnknownToken_IsRefused()
    {
        var page = await factory.CreateAnonymousClient().GetStringAsync("/Account/AcceptInvitation?token=made-up");

        Assert.Contains("data-testid=\"invitation-unusable\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_AddressOfAnExistingAccountOrPendingInvitation_IsRefusedWithALocalizedError()
    {
        var existing = await InviteAsync(factory, "secretariat@noress.demo", "Member@Noress.demo", Roles.Member);
        var first = await InviteAsync(factory, "secretariat@noress.demo", Invitee, Roles.Member);
        var duplicate = await InviteAsync(factory, "secretariat@noress.demo", Invitee.ToUpperInvariant(), Roles.Member);

        Assert.False(existing.Succeeded);
        Assert.Contains("déjà celle d'un compte", existing.Error, StringComparison.Ordinal);
        Assert.True(first.Succeeded);
        Assert.False(duplicate.Succeeded);
        Assert.Contains("déjà en attente", duplicate.Error, StringComparison.Ordinal);
        Assert.Single(factory.MessagesTo(Invitee));
    }

    [Fact]
    public async Task Invite_StoresOnlyTheHashOfTheToken()
    {
        await InviteAsync(factory, "secretariat@noress.demo", Invitee, Roles.Member);
        var link = Assert.Single(factory.MessagesTo(Invitee)).LinkTo("/Account/AcceptInvitation");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var stored = await db.Invitations.SingleAsync();

        Assert.Equal(InvitationToken.Hash(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
    }

    [Fact]
    public async Task Invite_ByMember_IsForbiddenInTheServiceAndOnThePage()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => InviteAsync(factory, "member@noress.demo", Invitee, Roles.Member));

        var client = await factory.CreateSignedInClientAsync("member@noress.demo");
        var page = await client.GetAsync("/administration/invitations");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("Account/AccessDenied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Empty(factory.MessagesTo(Invitee));
    }

    [Fact]
    public async Task Invite_SecretariatRole_OnlyByAdministrator()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => InviteAsync(factory, "secretariat@noress.demo", Invitee, Roles.Secretariat));

        var byAdministrator = await InviteAsync(factory, "admin@noress.demo", Invitee, Roles.Secretariat, culture: "ar");
        Assert.True(byAdministrator.Succeeded, byAdministrator.Error);
        var mail = Assert.Single(factory.MessagesTo(Invitee));
        Assert.Contains("dir=\"rtl\"", mail.HtmlBody, StringComparison.Ordinal);

        var client = factory.CreateAnonymousClient();
        await AcceptAsync(client, mail.LinkTo("/Account/AcceptInvitation"));
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        var roles = await users.GetRolesAsync((await users.FindByEmailAsync(Invitee))!);
        Assert.Equal([Roles.Member, Roles.Secretariat], roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task InvitationsPage_Secretariat_SeesTheList()
    {
        await InviteAsync(factory, "secretariat@noress.demo", Invitee, Roles.Member);
        var client = await factory.CreateSignedInClientAsync("secretariat@noress.demo");

        var html = await client.GetStringAsync("/administration/invitations");

        Assert.Contains("data-testid=\"invite-form\"", html, StringComparison.Ordinal);
        Assert.Contains(Invitee, html, StringComparison.Ordinal);
    }

    private static async Task<Outcome<Guid>> InviteAsync(WebApplicationFactory<Program> app, string actorEmail, string email, string role, string culture = "fr")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<InvitationService>();
        return await service.InviteAsync(
            await PrincipalAsync(scope, actorEmail),
            new InvitationRequest { Email = email, FullName = "Amina Haddad", InstitutionId = await InstitutionIdAsync(app, "ADS"), Role = role, Culture = culture },
            "http://localhost/");
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(AsyncServiceScope scope, string email)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>();
        return await principals.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    private static async Task<Guid> InstitutionIdAsync(WebApplicationFactory<Program> app, string acronym)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        return await db.Institutions.Where(i => i.Acronym == acronym).Select(i => i.Id).SingleAsync();
    }

    private static async Task<HttpResponseMessage> AcceptAsync(HttpClient client, string link, bool formFromPage = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.FullName"] = "Amina Haddad",
            ["Input.FullNameAr"] = "أمينة حداد",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        };
        if (formFromPage)
        {
            return await client.SubmitFormAsync(link, "accept-invitation", fields);
        }

        // The page of a used link has no form; take an antiforgery token from the login page instead.
        var token = AuthenticatedClient.AntiforgeryToken(await client.GetStringAsync("/Account/Login"));
        fields["__RequestVerificationToken"] = token;
        fields["_handler"] = "accept-invitation";
        return await client.PostAsync(link, new FormUrlEncodedContent(fields));
    }
}
