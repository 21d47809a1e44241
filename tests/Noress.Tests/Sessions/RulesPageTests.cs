using Bunit;
using Microsoft.AspNetCore.Components;
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

/// <summary>The internal rules page over a real in-memory SQLite database holding the founding articles (seeded by the model).</summary>
public sealed class RulesPageTests : BunitContext, IAsyncLifetime
{
    private static readonly Guid ArticleSeven = Guid.Parse("7a1e0c00-0000-4000-8000-000000000007");
    private static readonly Guid ArticleNine = Guid.Parse("7a1e0c00-0000-4000-8000-000000000009");
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public RulesPageTests()
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
        authorization.SetAuthorized("member@noress.test");
        authorization.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()));
        authorization.SetRoles(Roles.Member);
        authorization.SetPolicies(Policies.Member);
    }

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        await using var db = await Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        var amendment = new RulesAmendment { Kind = AmendmentKind.Amend, ArticleId = ArticleSeven, TextFr = "La plénière se réunit trois fois par an.", TextAr = "ينعقد الجمع العام ثلاث مرات في السنة.", Rationale = "Plus souvent.", State = AmendmentState.Adopted, ProposedAt = new DateTime(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc) };
        db.Add(amendment);
        db.Add(new RulesArticleVersion { ArticleId = ArticleSeven, TextFr = amendment.TextFr, TextAr = amendment.TextAr, EffectiveFrom = new DateOnly(2026, 6, 1), AmendmentId = amendment.Id, CreatedAt = DateTime.UtcNow });
        // A suggestion still to be voted: shown as a diff against the text in force today.
        var nine = await db.Set<RulesArticleVersion>().SingleAsync(v => v.ArticleId == ArticleNine);
        db.Add(new RulesAmendment { Kind = AmendmentKind.Amend, ArticleId = ArticleNine, TextFr = nine.TextFr.Replace("la moitié", "les deux tiers", StringComparison.Ordinal), TextAr = nine.TextAr, Rationale = "Un quorum plus exigeant.", ProposedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await connection.DisposeAsync();
    }

    [Theory]
    [InlineData("2026-05-31", "La plénière se réunit au moins deux fois par an")]
    [InlineData("2026-06-01", "La plénière se réunit trois fois par an.")]
    public void RulesPage_OnADate_ShowsEachArticleAsInForceThatDay(string date, string articleSeven)
    {
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"rules?date={date}");
        var cut = Render<RulesPage>();

        cut.WaitForAssertion(() => Assert.Equal(18, cut.FindAll("[data-testid=rules-article]").Count));
        var seven = cut.Find("[data-testid=rules-article][data-number='Art. 7']");
        Assert.StartsWith(articleSeven, seven.QuerySelector("[data-testid=rules-text-fr]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("rtl", seven.QuerySelector("[data-testid=rules-text-ar]")!.GetAttribute("dir"));
        Assert.Equal(date, cut.Find("[data-testid=rules-in-force-on]").GetAttribute("data-date"));
        Assert.Equal(18, cut.FindAll("[data-testid=rules-contents] li").Count);
    }

    [Fact]
    public void RulesPage_BeforeTheFounding_SaysNothingWasInForce()
    {
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("rules?date=2015-03-17");
        var cut = Render<RulesPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=rules-empty]")));
        Assert.Empty(cut.FindAll("[data-testid=rules-article]"));
    }

    [Fact]
    public void RulesPage_PendingAmendment_ShownAsAWordDiffAgainstTheTextInForce()
    {
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("rules");
        var cut = Render<RulesPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=amendment]")));
        var diff = cut.Find("[data-testid=amendment] [data-testid=word-diff][lang=fr]");
        Assert.Equal(["la moitié"], diff.QuerySelectorAll("del").Select(d => d.TextContent.Trim()));
        Assert.Equal(["les deux tiers"], diff.QuerySelectorAll("ins").Select(i => i.TextContent.Trim()));
        Assert.Equal("rtl", cut.Find("[data-testid=amendment] [data-testid=word-diff][lang=ar]").GetAttribute("dir"));
    }

    [Fact]
    public void ArticlePage_History_NewestFirstWithItsDiff()
    {
        Render<MudPopoverProvider>();
        var cut = Render<RulesArticlePage>(p => p.Add(x => x.Number, "7"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=article-version]").Count));
        var versions = cut.FindAll("[data-testid=article-version]");
        Assert.Equal(["2026-06-01", "2015-03-18"], versions.Select(v => v.GetAttribute("data-effective")));
        Assert.Contains("trois", versions[0].QuerySelectorAll("[lang=fr] ins").Select(i => i.TextContent.Trim()));
        Assert.Contains("Art. 7", cut.Find("[data-testid=article-title]").TextContent, StringComparison.Ordinal);
    }
}
