using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Shared.Layout;
using Noress.App.Shared.Localization;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

public sealed class MainLayoutTests : NoressTestContext
{
    private IStringLocalizer<SharedText> Text => Services.GetRequiredService<IStringLocalizer<SharedText>>();

    private async Task SignInWithDatabaseAsync(string role)
    {
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName);
        await SignInAsAsync(role);
    }

    [Fact]
    public async Task Render_SignedIn_ShowsAppBarWithNameLanguageThemeBellAndUser()
    {
        await SignInWithDatabaseAsync(Roles.Member);

        var cut = RenderLayout();

        var appBar = cut.Find("header.mud-appbar");
        Assert.Contains("NORESS", appBar.TextContent, StringComparison.Ordinal);
        Assert.NotNull(appBar.QuerySelector("[data-testid=language-menu]"));
        Assert.NotNull(appBar.QuerySelector("[data-testid=theme-toggle]"));
        Assert.NotNull(appBar.QuerySelector("[data-testid=notification-bell]"));
        Assert.Contains(UserName, appBar.QuerySelector("[data-testid=user-menu]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Anonymous_HasNoBellNorUserMenu()
    {
        var cut = RenderLayout();

        Assert.Empty(cut.FindAll("[data-testid=notification-bell]"));
        Assert.Empty(cut.FindAll("[data-testid=user-menu]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=language-menu]"));
    }

    [Fact]
    public async Task Render_Member_DrawerLinksEveryAreaWithoutAdministration()
    {
        await SignInWithDatabaseAsync(Roles.Member);

        var drawer = RenderLayout().Find(".mud-drawer");

        foreach (var area in PlatformAreas.All)
        {
            var link = drawer.QuerySelector($"a[href='{area.Href}']");
            Assert.True(link is not null, $"No link to {area.Href}");
            Assert.Contains(Text[area.TitleKey].Value, link.TextContent, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Text["Nav.Administration"].Value, drawer.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Administrator_DrawerHasAdministrationWithTranslatedToggle()
    {
        await SignInWithDatabaseAsync(Roles.Administrator);

        var drawer = RenderLayout().Find(".mud-drawer");

        Assert.Contains("Administration", drawer.TextContent, StringComparison.Ordinal);
        Assert.NotNull(drawer.QuerySelector("a[href='administration/audit']"));
        // MudBlazor's own "Toggle {0}" comes from MudText.resx.
        Assert.NotNull(drawer.QuerySelector("[aria-label='Afficher ou masquer Administration']"));
    }

    [Fact]
    public void Render_French_IsLeftToRight()
    {
        var cut = RenderLayout(MudComponentInBody);

        Assert.Empty(cut.FindAll(".mud-application-layout-rtl"));
        Assert.Null(cut.Find(".mud-rtl-provider").GetAttribute("dir"));
        // The direction still cascades to MudBlazor's components as MudRTLProvider cascaded it.
        Assert.False(cut.FindComponent<MudSnackbarProvider>().Instance.RightToLeft);
        Assert.NotNull(cut.Find(".mud-layout.mud-drawer-open-responsive-md-left aside.mud-drawer.mud-drawer-pos-left"));
    }

    // A MudBlazor component that takes the cascading direction, in the page's place.
    private static readonly RenderFragment MudComponentInBody = b =>
    {
        b.OpenComponent<MudSnackbarProvider>(0);
        b.CloseComponent();
    };

    [Fact]
    public void Render_Arabic_IsRightToLeftAndTranslated()
    {
        UseCulture(NoressCultures.Arabic);

        var cut = RenderLayout(MudComponentInBody);

        Assert.True(cut.FindComponent<MudSnackbarProvider>().Instance.RightToLeft);
        Assert.NotNull(cut.Find(".mud-layout.mud-drawer-open-responsive-md-right aside.mud-drawer.mud-drawer-pos-right"));
        Assert.NotEmpty(cut.FindAll(".mud-rtl-provider.mud-application-layout-rtl[dir=rtl]"));
        Assert.Contains("نوريس", cut.Find("header.mud-appbar").TextContent, StringComparison.Ordinal);
        Assert.Equal("الوضع الداكن", cut.Find("[data-testid=theme-toggle]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task ThemeToggle_Clicked_SwitchesDarkModeAndBack()
    {
        var cut = RenderLayout();
        Assert.Contains("--mud-native-html-color-scheme: light;", cut.FindComponent<NoressThemeProvider>().Markup, StringComparison.Ordinal);

        await cut.Find("[data-testid=theme-toggle]").ClickAsync(new());

        Assert.Contains("--mud-native-html-color-scheme: dark;", cut.FindComponent<NoressThemeProvider>().Markup, StringComparison.Ordinal);
        Assert.Equal("Mode clair", cut.Find("[data-testid=theme-toggle]").GetAttribute("aria-label"));

        await cut.Find("[data-testid=theme-toggle]").ClickAsync(new());

        Assert.Contains("--mud-native-html-color-scheme: light;", cut.FindComponent<NoressThemeProvider>().Markup, StringComparison.Ordinal);
        Assert.Equal("Mode sombre", cut.Find("[data-testid=theme-toggle]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Render_WithBody_ShowsTheBodyInTheMainContent()
    {
        var cut = RenderLayout(b => b.AddMarkupContent(0, "<p data-testid=\"body\">42</p>"));

        Assert.NotNull(cut.Find(".mud-main-content [data-testid=body]"));
    }
    [Fact]
    public async Task Render_SignedIn_SkipLinkIsTheFirstControl_AndLeadsToTheMainLandmark()
    {
        await SignInWithDatabaseAsync(Roles.Administrator);

        var cut = RenderLayout(b => b.AddMarkupContent(0, "<p data-testid=\"body\">42</p>"));

        var first = cut.FindAll("a, button, input, select, textarea, [tabindex='0']")[0];
        Assert.Equal(Text["Shell.SkipToContent"].Value, first.TextContent);
        Assert.Equal("#main-content", first.GetAttribute("href"));
        var main = Assert.Single(cut.FindAll("main"));
        Assert.Equal("main-content", main.Id);
        Assert.Equal("-1", main.GetAttribute("tabindex"));
        Assert.NotNull(main.QuerySelector("[data-testid=body]"));
    }

    [Fact]
    public async Task Render_SignedIn_AppBarHasNoHeadingAndNoControlInsideAnother()
    {
        await SignInWithDatabaseAsync(Roles.Administrator);

        var appBar = RenderLayout().Find("header.mud-appbar");

        // A custom menu activator wraps its content in a role=button: a button inside it is a nested control.
        Assert.Empty(appBar.QuerySelectorAll("[role=button] button, [role=button] a, button button, a button"));
        Assert.Empty(appBar.QuerySelectorAll("h1, h2, h3, h4, h5, h6"));
        Assert.Equal(4, appBar.QuerySelectorAll("[data-testid=language-menu] button, [data-testid=notification-bell] button, [data-testid=user-menu] button, [data-testid=theme-toggle]").Length);
    }
}
