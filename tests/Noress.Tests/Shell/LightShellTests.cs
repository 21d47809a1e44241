using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Shared.Layout;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

/// <summary>
/// The shell's light parts (ADR 0053) render what the MudBlazor components they replace render, and an idle signed-in
/// layout holds none of those components.
/// </summary>
public sealed class LightShellTests : NoressTestContext
{
    [Fact]
    public void LightMenu_Closed_RendersTheIconButtonMudMenuRenders()
    {
        var mud = RenderPage<MudMenu>(p => p.Add(m => m.Icon, Icons.Material.Filled.Translate).Add(m => m.Color, Color.Inherit)
            .Add(m => m.AriaLabel, "Langue").AddUnmatched("data-testid", "menu"));
        var light = RenderPage<LightMenu>(p => p.Add(m => m.Icon, Icons.Material.Filled.Translate).Add(m => m.AriaLabel, "Langue")
            .AddUnmatched("data-testid", "menu"));

        light.Find("button").OuterHtml.MarkupMatches(mud.Find("button").OuterHtml);
        Assert.Equal(mud.Find("[data-testid=menu]").ClassName, light.Find("[data-testid=menu]").ClassName);
        Assert.Empty(light.FindComponents<MudMenu>());
    }

    [Fact]
    public void LightMenu_Closed_RendersTheLabelButtonMudMenuRenders()
    {
        var mud = RenderPage<MudMenu>(p => p.Add(m => m.Label, "Amina").Add(m => m.StartIcon, Icons.Material.Filled.AccountCircle)
            .Add(m => m.Color, Color.Inherit).Add(m => m.Class, "noress-user-menu").AddUnmatched("data-testid", "menu"));
        var light = RenderPage<LightMenu>(p => p.Add(m => m.Label, "Amina").Add(m => m.StartIcon, Icons.Material.Filled.AccountCircle)
            .Add(m => m.Class, "noress-user-menu").AddUnmatched("data-testid", "menu"));

        light.Find("button").OuterHtml.MarkupMatches(mud.Find("button").OuterHtml);
        Assert.Equal(mud.Find("[data-testid=menu]").ClassName, light.Find("[data-testid=menu]").ClassName);
    }

    [Fact]
    public async Task LightMenu_Clicked_OpensMudMenuWithItsItemsAndFocusesItsButton()
    {
        var (popovers, cut) = RenderWithPopovers<LightMenu>(p => p.Add(m => m.Icon, Icons.Material.Filled.Translate)
            .Add(m => m.AriaLabel, "Langue").AddChildContent("<span data-testid=\"item\">Un</span>"));
        Assert.Empty(popovers.FindAll("[data-testid=item]"));

        await cut.Find("button").ClickAsync(new());

        await popovers.WaitForAssertionAsync(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open [data-testid=item]")));
        Assert.Single(cut.FindComponents<MudMenu>());
        JSInterop.VerifyInvoke("noressFocusMenu");
    }

    [Fact]
    public void ThemeProvider_WritesWhatMudThemeProviderWrites_LightAndDark()
    {
        foreach (var dark in new[] { false, true })
        {
            var mud = RenderPage<MudThemeProvider>(p => p.Add(m => m.Theme, NoressTheme.Theme).Add(m => m.IsDarkMode, dark));
            var shared = RenderPage<NoressThemeProvider>(p => p.Add(m => m.Theme, NoressTheme.Theme).Add(m => m.IsDarkMode, dark));

            shared.MarkupMatches(mud.Markup);
        }

        // Any other theme is written as MudBlazor writes it, in either palette.
        var other = new MudTheme { PaletteLight = new PaletteLight { Primary = "#123456" } };
        var otherMud = RenderPage<MudThemeProvider>(p => p.Add(m => m.Theme, other).Add(m => m.DefaultScrollbar, true));
        var otherShared = RenderPage<NoressThemeProvider>(p => p.Add(m => m.Theme, other).Add(m => m.DefaultScrollbar, true));
        otherShared.MarkupMatches(otherMud.Markup);
        Assert.Contains("--mud-palette-primary: rgba(18,52,86,1);", otherShared.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_SignedInStaff_HoldsNoMenuTooltipOrAuthorizeViewUntilAMenuIsOpened()
    {
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName);
        await SignInAsAsync(Roles.Secretariat);

        var cut = RenderLayout();

        Assert.NotNull(cut.Find("[data-testid=user-menu] button"));
        Assert.NotNull(cut.Find("a[href='administration/invitations']"));
        Assert.Empty(cut.FindComponents<MudMenu>());
        Assert.Empty(cut.FindComponents<MudTooltip>());
        Assert.Empty(cut.FindComponents<MudIconButton>());
        Assert.Empty(cut.FindComponents<MudNavGroup>());
        Assert.Empty(cut.FindComponents<MudNavLink>());
        Assert.Empty(cut.FindComponents<AuthorizeView>());
        Assert.Empty(cut.FindComponents<MudAppBar>());
        // The theme's styles come from the node's shared strings: no MudThemeProvider with a default theme of its own.
        Assert.Empty(cut.FindComponents<MudThemeProvider>());
        Assert.Contains("--mud-palette-primary:", cut.FindComponent<NoressThemeProvider>().Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NavMenu_AdministrationGroup_FoldsAndUnfolds()
    {
        await SignInAsAsync(Roles.Administrator);
        var nav = RenderPage<NavMenu>();
        var toggle = nav.Find(".mud-nav-group > button");
        Assert.Equal("true", toggle.GetAttribute("aria-expanded"));
        Assert.NotNull(nav.Find("#noress-administration-links a[href='jobs']"));

        await toggle.ClickAsync(new());

        Assert.Equal("false", nav.Find(".mud-nav-group > button").GetAttribute("aria-expanded"));
        Assert.Empty(nav.FindAll("a[href='administration/audit']"));

        await nav.Find(".mud-nav-group > button").ClickAsync(new());

        Assert.NotNull(nav.Find("a[href='administration/audit']"));
    }

    [Fact]
    public async Task NavMenu_Secretariat_SeesTheGroupWithoutTheAdministratorsLinks()
    {
        await SignInAsAsync(Roles.Secretariat);

        var nav = RenderPage<NavMenu>();

        Assert.NotNull(nav.Find("a[href='administration/reminders']"));
        Assert.Empty(nav.FindAll("a[href='administration/audit']"));
        Assert.Empty(nav.FindAll("a[href='jobs']"));
    }

    [Fact]
    public async Task NavMenu_AdministrationLink_IsActiveOnItsPage()
    {
        await SignInAsAsync(Roles.Administrator);
        Services.GetRequiredService<NavigationManager>().NavigateTo("administration/mail");

        var nav = RenderPage<NavMenu>();

        Assert.Equal("page", nav.Find("a[href='administration/mail']").GetAttribute("aria-current"));
        Assert.Null(nav.Find("a[href='administration']").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task NavMenu_JobsLink_LoadsThePageFromTheServer()
    {
        await SignInAsAsync(Roles.Administrator);
        var nav = RenderPage<NavMenu>();

        await nav.Find("a[href='jobs']").ClickAsync(new());

        var navigation = Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        Assert.EndsWith("/jobs", navigation.Uri, StringComparison.Ordinal);
        Assert.True(navigation.History.First().Options.ForceLoad);
    }

    [Fact]
    public async Task NavMenu_Links_AreMudNavLinksMarkup_ActiveOnTheirPage_InEachLanguage()
    {
        await SignInAsAsync(Roles.Secretariat);
        Services.GetRequiredService<NavigationManager>().NavigateTo("calendar/2026");
        var french = RenderPage<NavMenu>();
        UseCulture("ar");
        var arabic = RenderPage<NavMenu>();

        // The shared markup is what MudNavLink renders: its classes, the active state and aria-current on the page's link.
        var calendar = french.Find("a[href='calendar']");
        Assert.Equal("mud-nav-link mud-ripple active", calendar.ClassName);
        Assert.Equal("page", calendar.GetAttribute("aria-current"));
        Assert.Equal("mud-nav-link mud-ripple", french.Find("a[href='sessions']").ClassName);
        Assert.Null(french.Find("a[href='sessions']").GetAttribute("aria-current"));
        Assert.NotNull(calendar.QuerySelector("svg.mud-nav-link-icon + .mud-nav-link-text"));
        // Each language its own text, from the same node-wide cache.
        Assert.NotEqual(french.Find("a[href='sessions'] .mud-nav-link-text").TextContent, arabic.Find("a[href='sessions'] .mud-nav-link-text").TextContent);
        Assert.Contains("ال", arabic.Find("a[href='calendar'] .mud-nav-link-text").TextContent, StringComparison.Ordinal);
    }
}
