using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Sessions;
using Noress.App.Sessions.RulesOfProcedure;
using Noress.App.Shared.Localization;
using Noress.App.Shared.RealTime;

namespace Noress.Tests.Sessions;

/// <summary>The secretariat's founding-text page over an in-memory SQLite database holding the founding articles.</summary>
public sealed class FoundingTextPageTests : BunitContext, IAsyncLifetime
{
    private static readonly Guid ArticleSeven = Guid.Parse("7a1e0c00-0000-4000-8000-000000000007");
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public FoundingTextPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddNoressLocalization();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero)));
        Services.AddDbContextFactory<NoressDbContext>(o => o.UseSqlite(connection));
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<SessionsAccess>();
        Services.AddSingleton<IEventBus, InProcessEventBus>();
        Services.AddSingleton<SessionLive>();
        Services.AddScoped<RulesService>();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("secretariat@noress.test");
        authorization.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()));
        authorization.SetRoles(Roles.Secretariat);
        authorization.SetPolicies(Policies.Member, Policies.Secretariat);
    }

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        await using var db = await Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Page_BeforeAnyAdoption_CorrectsAnArticleInBothLanguages()
    {
        Render<MudPopoverProvider>();
        var cut = Render<FoundingTextPage>();

        cut.WaitForAssertion(() => Assert.Equal(18, cut.FindAll("[data-testid=founding-article]").Count));
        var seven = cut.Find("[data-testid=founding-article][data-number='Art. 7']");
        Assert.Equal("rtl", seven.QuerySelector("textarea[data-testid=founding-text-ar]")!.GetAttribute("dir"));
        cut.Find("[data-testid=founding-article][data-number='Art. 7'] textarea[data-testid=founding-text-fr]").Change("La plénière se réunit au moins deux fois par an.");
        cut.Find("[data-testid=founding-article][data-number='Art. 7'] [data-testid=founding-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=founding-article][data-number='Art. 7'] [data-testid=founding-done]"));
        await using var db = await Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        Assert.Equal("La plénière se réunit au moins deux fois par an.", (await db.Set<RulesArticleVersion>().SingleAsync(v => v.ArticleId == ArticleSeven)).TextFr);
        Assert.Single(cut.FindAll("[data-testid=founding-new]"));
    }

    [Fact]
    public async Task Page_AfterAnAdoption_SaysOnlyAmendmentsChangeTheRules_AndOffersNoForm()
    {
        await using (var db = await Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync())
        {
            var amendment = new RulesAmendment { Kind = AmendmentKind.Amend, ArticleId = ArticleSeven, TextFr = "Trois fois par an.", TextAr = "ثلاث مرات في السنة.", Rationale = "Plus souvent.", State = AmendmentState.Adopted, ProposedAt = DateTime.UtcNow };
            db.Add(amendment);
            db.Add(new RulesArticleVersion { ArticleId = ArticleSeven, TextFr = amendment.TextFr, TextAr = amendment.TextAr, EffectiveFrom = new DateOnly(2026, 6, 1), AmendmentId = amendment.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Render<MudPopoverProvider>();
        var cut = Render<FoundingTextPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=founding-closed]"));
        Assert.Equal(18, cut.FindAll("[data-testid=founding-article]").Count);
        Assert.Empty(cut.FindAll("[data-testid=founding-form]"));
        Assert.Empty(cut.FindAll("[data-testid=founding-new]"));
    }
}
