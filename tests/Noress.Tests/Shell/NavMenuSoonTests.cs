using Bunit;
using Noress.App.Accounts;
using Noress.App.Home;
using Noress.App.Shared.Layout;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

public sealed class NavMenuSoonTests : NoressTestContext
{
    [Theory]
    [InlineData("fr", "Bientôt")]
    [InlineData("ar", "قريبًا")]
    [InlineData("en", "Soon")]
    public async Task Render_MarksExactlyTheAreasServedByThePlaceholder(string culture, string soon)
    {
        UseCulture(culture);
        await SignInAsAsync(Roles.Member);

        var nav = RenderPage<NavMenu>();

        foreach (var area in PlatformAreas.All)
        {
            var link = nav.Find($"a[href='{area.Href}']");
            var mark = link.QuerySelector("[data-testid=nav-soon]");
            Assert.True(AreaPreview.StandsInFor(area.Href) == mark is not null, $"{area.Href}: mark {(mark is null ? "missing" : "unexpected")}");
            Assert.True(mark is null || mark.TextContent == $", {soon}", mark?.TextContent);
        }

        // Built areas are never marked; some areas are still to come.
        Assert.Null(nav.Find("a[href='members']").QuerySelector("[data-testid=nav-soon]"));
        Assert.Null(nav.Find("a[href='documents']").QuerySelector("[data-testid=nav-soon]"));
        Assert.NotEmpty(nav.FindAll("[data-testid=nav-soon]"));
    }

    [Theory]
    [InlineData("calls", false)]
    [InlineData("/competition/", true)]
    [InlineData("members", false)]
    [InlineData("documents", false)]
    [InlineData("calendar", false)]
    public void StandsInFor_FollowsThePlaceholderRoutes(string href, bool expected) =>
        Assert.Equal(expected, AreaPreview.StandsInFor(href));
}
