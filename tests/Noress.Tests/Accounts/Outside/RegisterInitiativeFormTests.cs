using Bunit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Accounts.Outside;
using Noress.App.Accounts.Pages;
using Noress.App.Data;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Accounts.Outside;

/// <summary>The registration form: each problem under its field in the reader's language, nothing stored until all is right.</summary>
public sealed class RegisterInitiativeFormTests : NoressTestContext
{
    private async Task<TestDatabase> UseAccountsAsync()
    {
        var database = await UseDatabaseAsync();
        Services.AddScoped(_ => database.Factory.CreateDbContext());
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddIdentityCore<NoressUser>(o => o.Password.RequiredLength = 10)
            .AddRoles<NoressRole>()
            .AddEntityFrameworkStores<NoressDbContext>();
        Services.Configure<AccountOptions>(_ => { });
        Services.AddSingleton<AccountMails>();
        Services.AddSingleton<OutsideConfirmationLinks>();
        Services.AddScoped<OutsideAccountService>();
        await using var db = await database.Factory.CreateDbContextAsync();
        db.Roles.Add(new NoressRole(Roles.OutsideApplicant) { NormalizedName = Roles.OutsideApplicant.ToUpperInvariant() });
        await db.SaveChangesAsync();
        return database;
    }

    private void Fill(IRenderedComponent<RegisterInitiative> form, string password = "Argane-2026-huile")
    {
        form.Find("#initiative-name").Change("Association Nour");
        form.Find("#legal-form").Change(nameof(InitiativeLegalForm.Association));
        form.Find("#city").Change("Chefchaouen");
        form.Find("#contact").Change("Karim Ouazzani");
        form.Find("#email").Change("karim@nour.example");
        form.Find("#password").Change(password);
        form.Find("#confirm").Change(password);
        form.Find("#consent").Change(true);
    }

    [Fact]
    public async Task Submit_Empty_ShowsEachProblemUnderItsField_AndStoresNothing()
    {
        var database = await UseAccountsAsync();
        var form = RenderPage<RegisterInitiative>();

        await form.Find("form").SubmitAsync();

        Assert.NotNull(form.Find("[data-testid=register-error]"));
        var problems = form.FindAll("[data-testid=field-problem]").Select(p => p.TextContent).ToList();
        Assert.Equal(7, problems.Count);
        Assert.Contains("Indiquez le nom de l'initiative.", problems);
        Assert.Contains("Choisissez la forme juridique.", problems);
        Assert.Contains("L'inscription demande votre accord au traitement des données.", problems);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task Submit_InArabic_SpeaksArabic()
    {
        UseCulture("ar");
        await UseAccountsAsync();
        var form = RenderPage<RegisterInitiative>();
        Fill(form);
        form.Find("#consent").Change(false);

        await form.Find("form").SubmitAsync();

        Assert.Equal("يتطلب التسجيل موافقتك على معالجة البيانات.", form.Find("[data-testid=field-problem]").TextContent);
    }

    [Fact]
    public async Task Submit_WeakPassword_IsRefusedWithIdentitysReason()
    {
        var database = await UseAccountsAsync();
        var form = RenderPage<RegisterInitiative>();
        Fill(form, password: "court");

        await form.Find("form").SubmitAsync();

        Assert.NotNull(form.Find("[data-testid=register-error]"));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task Submit_Complete_CreatesTheUnconfirmedAccount_QueuesTheLink_AndSaysCheckYourMail()
    {
        var database = await UseAccountsAsync();
        var form = RenderPage<RegisterInitiative>();
        Fill(form);

        await form.Find("form").SubmitAsync();

        Assert.EndsWith("Account/RegisterInitiativeSent", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
        await using var db = await database.Factory.CreateDbContextAsync();
        var user = await db.Users.SingleAsync();
        Assert.Equal(("Karim Ouazzani", false, (Guid?)null), (user.FullName, user.EmailConfirmed, user.InstitutionId));
        var initiative = await db.Set<OutsideInitiative>().SingleAsync();
        Assert.Equal(("Association Nour", InitiativeLegalForm.Association, "Chefchaouen"), (initiative.Name, initiative.LegalForm, initiative.City));
        var mail = await db.OutboxMessages.SingleAsync();
        Assert.Equal("karim@nour.example", mail.ToAddress);
        Assert.Contains("/Account/ConfirmInitiative?token=", mail.TextBody, StringComparison.Ordinal);
    }
}
