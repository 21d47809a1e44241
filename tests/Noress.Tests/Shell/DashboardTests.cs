using Bunit;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Home;
using Noress.App.Shared.Localization;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

public sealed class DashboardTests : NoressTestContext
{
    [Fact]
    public async Task Render_WithDemoMembers_ShowsFiguresAndTheDemoBanner()
    {
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName, "ODCO");
        await database.AddPersonAsync(Guid.NewGuid(), "Youssef Amrani", "INDH");
        await SignInAsAsync(Roles.Member);

        var cut = RenderPage<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=figure-institutions] [data-value]").TextContent));
        Assert.Equal("2", cut.Find("[data-testid=figure-people] [data-value]").TextContent);
        Assert.Equal("0", cut.Find("[data-testid=figure-committees] [data-value]").TextContent);
        Assert.Contains("Institutions membres", cut.Find("[data-testid=figure-institutions]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=demo-banner]"));
        // The banner and the figures are plain markup (ADR 0053): the same as MudAlert and MudText render.
        var banner = cut.Find("[data-testid=demo-banner]");
        var alert = RenderPage<MudAlert>(p => p.Add(a => a.Severity, Severity.Info).Add(a => a.Class, "mb-4")
            .AddUnmatched("data-testid", "demo-banner").AddChildContent(banner.QuerySelector(".mud-alert-message")!.TextContent));
        banner.OuterHtml.MarkupMatches(alert.Markup);
        var value = RenderPage<MudBlazor.MudText>(p => p.Add(t => t.Typo, Typo.h4).AddUnmatched("data-value", 2).AddChildContent("2"));
        cut.Find("[data-testid=figure-people] [data-value]").OuterHtml.MarkupMatches(value.Markup);
        Assert.Empty(cut.FindComponents<MudBlazor.MudText>());
    }

    [Fact]
    public async Task Render_EmptyDatabaseInEnglish_ShowsZeroesWithoutBanner()
    {
        UseCulture(NoressCultures.English);
        await UseDatabaseAsync();
        await SignInAsAsync(Roles.Member);

        var cut = RenderPage<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=figure-institutions] [data-value]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=demo-banner]"));
    }
}
