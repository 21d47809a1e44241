using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Noress.App.Accounts;
using Noress.App.Accounts.Invitations;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Shared.Email;

namespace Noress.Tests.Accounts;

public sealed class InvitationsPageTests : IAsyncLifetime
{
    private readonly BunitContext context = new();
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly CapturingMailSender mailSender = new();
    private readonly BunitAuthorizationContext authorization;
    private Guid institutionId;

    public InvitationsPageTests()
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddDbContextFactory<NoressDbContext>(o => o.UseSqlite(connection).AddInterceptors(new VersionInterceptor()));
        context.Services.AddSingleton<IMailSender>(mailSender);
        context.Services.AddSingleton<AccountMails>();
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.Configure<AccountOptions>(_ => { });
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddScoped<InvitationService>();
        authorization = context.AddAuthorization();
        authorization.SetAuthorized("Nadia Benali");
        authorization.SetRoles(Roles.Secretariat, Roles.Member);
        authorization.SetPolicies(Policies.Secretariat, Policies.Member);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        await using var db = await context.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        var institution = new Institution { Acronym = "ADS", NameFr = "Agence de développement social", NameAr = "وكالة التنمية الاجتماعية", CreatedAt = DateTime.UtcNow };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync();
        institutionId = institution.Id;
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task InviteForm_ValidEntry_SendsTheInvitationAndListsItAsPending()
    {
        context.Render<MudPopoverProvider>();
        var cut = context.Render<InvitationsPage>();
        cut.WaitForAssertion(() => Assert.Contains("Aucune invitation", cut.Markup, StringComparison.Ordinal));

        cut.Find("input[type=email]").Change("amina@example.org");
        cut.FindAll("[data-testid=invite-form] input")[1].Change("Amina Haddad");
        var select = cut.FindComponent<MudSelect<Guid?>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(institutionId));
        await cut.InvokeAsync(() => cut.Find("[data-testid=invite-form]").Submit());

        cut.WaitForAssertion(() => Assert.Contains("amina@example.org", cut.Find("[data-testid=invitations-table]").TextContent, StringComparison.Ordinal));
        Assert.Contains("En attente", cut.Find("[data-testid=invitations-table]").TextContent, StringComparison.Ordinal);
        var mail = Assert.Single(mailSender.Sent);
        Assert.Equal("amina@example.org", mail.ToAddress);
        Assert.Contains("/Account/AcceptInvitation?token=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InviteForm_MissingInstitution_ShowsValidationAndSendsNothing()
    {
        context.Render<MudPopoverProvider>();
        var cut = context.Render<InvitationsPage>();

        cut.Find("input[type=email]").Change("amina@example.org");
        cut.FindAll("[data-testid=invite-form] input")[1].Change("Amina Haddad");
        await cut.InvokeAsync(() => cut.Find("[data-testid=invite-form]").Submit());

        cut.WaitForAssertion(() => Assert.Contains("Ce champ est obligatoire", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(mailSender.Sent);
    }

    [Fact]
    public void RoleChoice_Secretariat_OffersOnlyMember_AdministratorAlsoSecretariat()
    {
        var secretariatView = context.Render<InvitationsPage>();
        var form = secretariatView.FindComponent<InviteForm>();
        Assert.Equal([Roles.Member], form.Instance.AssignableRoles);

        authorization.SetRoles(Roles.Administrator, Roles.Member);
        var administratorView = context.Render<InvitationsPage>();
        Assert.Equal([Roles.Member, Roles.Secretariat], administratorView.FindComponent<InviteForm>().Instance.AssignableRoles);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Revoke_AsksFirst_CancelKeepsTheInvitation_ConfirmRevokesIt(bool confirm)
    {
        var invitationId = await AddPendingInvitationAsync("karim@example.org");
        var dialogs = context.Render<MudDialogProvider>();
        context.Render<MudPopoverProvider>();
        var cut = context.Render<InvitationsPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=revoke]"));

        var revoking = cut.InvokeAsync(() => cut.Find("[data-testid=revoke]").ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Contains("karim@example.org", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.Null(await RevokedAtAsync(invitationId));
        var button = confirm ? "Révoquer" : "Annuler";
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == button).ClickAsync(new());
        await revoking;

        if (confirm)
        {
            cut.WaitForAssertion(() => Assert.Contains("Révoquée", cut.Find("[data-testid=invitations-table]").TextContent, StringComparison.Ordinal));
            Assert.NotNull(await RevokedAtAsync(invitationId));
        }
        else
        {
            dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
            Assert.Null(await RevokedAtAsync(invitationId));
            Assert.Single(cut.FindAll("[data-testid=revoke]"));
        }
    }

    private async Task<Guid> AddPendingInvitationAsync(string email)
    {
        await using var db = await context.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var invitation = new Invitation
        {
            Email = email,
            FullName = "Karim Idrissi",
            InstitutionId = institutionId,
            Role = Roles.Member,
            TokenHash = "hash",
            CreatedAt = DateTime.UtcNow,
            ExpiresAt = DateTime.UtcNow.AddDays(7),
            InvitedById = Guid.NewGuid(),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return invitation.Id;
    }

    private async Task<DateTime?> RevokedAtAsync(Guid invitationId)
    {
        await using var db = await context.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        return await db.Invitations.AsNoTracking().Where(i => i.Id == invitationId).Select(i => i.RevokedAt).SingleAsync();
    }

    private sealed class CapturingMailSender : IMailSender
    {
        public List<OutgoingMail> Sent { get; } = [];

        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
        {
            Sent.Add(mail);
            return Task.CompletedTask;
        }
    }
}
