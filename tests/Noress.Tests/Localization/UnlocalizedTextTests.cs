using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Accounts.Pages;
using Noress.App.Data;
using Noress.App.Home;
using Noress.App.Notifications;
using Noress.App.Shared.Layout;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Localization;

/// <summary>
/// Renders the shell with a localizer that wraps every string in ⟦…⟧; any other word on the page was typed into
/// the markup and would stay French in Arabic and English.
/// </summary>
public sealed class UnlocalizedTextTests : NoressTestContext
{
    private const string NotificationTitle = "Convocation 12";

    private async Task ArrangeAsync(string role = Roles.Administrator)
    {
        UseMarkerLocalizer();
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName);
        await SignInAsAsync(role);
    }

    private static void AssertLocalized(params IEnumerable<string> markups)
    {
        var problems = markups.SelectMany(m => UnlocalizedTextChecker.Find(m, UserName, NotificationTitle)).ToList();
        Assert.True(problems.Count == 0, "Text not localized:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task MainLayout_WithPageBody_HasOnlyLocalizedText()
    {
        await ArrangeAsync();

        var cut = RenderLayout(b =>
        {
            b.OpenComponent<NotFound>(0);
            b.CloseComponent();
        });

        AssertLocalized(cut.Markup);
        Assert.Contains("⟦Error.NotFoundTitle⟧", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NavMenu_ForAdministrator_HasOnlyLocalizedText()
    {
        await ArrangeAsync();

        var cut = RenderPage<NavMenu>();

        AssertLocalized(cut.Markup);
        Assert.Contains("⟦Nav.Audit⟧", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageMenu_Opened_HasOnlyLocalizedText()
    {
        await ArrangeAsync();
        var (popovers, cut) = RenderWithPopovers<LanguageMenu>();

        await cut.Find("button").ClickAsync(new());

        popovers.WaitForAssertion(() => Assert.Contains("⟦Language.ar-MA⟧", popovers.Markup, StringComparison.Ordinal));
        AssertLocalized(cut.Markup, popovers.Markup);
    }

    [Fact]
    public async Task UserMenu_Opened_HasOnlyLocalizedTextBesideTheName()
    {
        await ArrangeAsync();
        var (popovers, cut) = RenderWithPopovers<UserMenu>();

        await cut.Find("button").ClickAsync(new());

        popovers.WaitForAssertion(() => Assert.Contains("⟦User.Logout⟧", popovers.Markup, StringComparison.Ordinal));
        AssertLocalized(cut.Markup, popovers.Markup);
    }

    [Fact]
    public async Task NotificationBell_OpenedWithAndWithoutNotifications_HasOnlyLocalizedText()
    {
        await ArrangeAsync();
        var (popovers, cut) = RenderWithPopovers<NotificationBell>();
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=notification-count]").GetAttribute("data-count")));
        await cut.Find("button").ClickAsync(new());
        popovers.WaitForAssertion(() => Assert.Contains("⟦Notifications.None⟧", popovers.Markup, StringComparison.Ordinal));
        AssertLocalized(cut.Markup, popovers.Markup);

        await Services.GetRequiredService<NotificationService>().NotifyAsync(UserId, "session", NotificationTitle, null, "/sessions");

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=notification-count]").GetAttribute("data-count")));
        cut.WaitForAssertion(() => Assert.Contains(NotificationTitle, popovers.Markup, StringComparison.Ordinal));
        AssertLocalized(cut.Markup, popovers.Markup);
    }

    [Fact]
    public async Task Dashboard_WithFigures_HasOnlyLocalizedText()
    {
        await ArrangeAsync(Roles.Member);

        var cut = RenderPage<Dashboard>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=figure-institutions]"));
        AssertLocalized(cut.Markup);
    }

    [Fact]
    public async Task AreaPreview_EveryArea_HasOnlyLocalizedText()
    {
        await ArrangeAsync(Roles.Member);
        var navigation = Services.GetRequiredService<NavigationManager>();

        // Built areas have their own pages; the preview stands in for the others only.
        foreach (var area in PlatformAreas.All.Where(a => a.ComingKey is not null))
        {
            navigation.NavigateTo(area.Href);
            var cut = RenderPage<AreaPreview>();

            AssertLocalized(cut.Markup);
            Assert.Contains($"⟦{area.ComingKey}⟧", cut.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ErrorPages_HaveOnlyLocalizedText()
    {
        await ArrangeAsync();

        AssertLocalized(
            RenderPage<NotFound>().Markup,
            RenderPage<Error>().Markup,
            RenderPage<ReconnectModal>().Markup,
            RenderPage<RedirectToLogin>().Markup);
    }

    [Fact]
    public async Task AccountPages_HaveOnlyLocalizedText()
    {
        await ArrangeAsync();
        Services.AddAuthentication();
        Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContext());
        Services.AddIdentityCore<NoressUser>()
            .AddRoles<NoressRole>()
            .AddEntityFrameworkStores<NoressDbContext>()
            .AddSignInManager();
        Services.AddScoped<PasswordSignIn>();
        // The sign-in page also resends outside initiatives' confirmation links (ADR 0038).
        Services.AddDataProtection();
        Services.AddOptions<AccountOptions>();
        Services.AddSingleton<AccountMails>();
        Services.AddSingleton<Noress.App.Accounts.Outside.OutsideConfirmationLinks>();
        Services.AddScoped<Noress.App.Accounts.Outside.OutsideAccountService>();

        AssertLocalized(
            RenderPage<AccountLayout>(p => p.Add(l => l.Body, Fragment<Login>())).Markup,
            RenderPage<AccessDenied>().Markup,
            RenderPage<Lockout>().Markup);
    }

    [Fact]
    public async Task PageTitles_HaveOnlyLocalizedText()
    {
        await ArrangeAsync(Roles.Member);
        Services.GetRequiredService<NavigationManager>().NavigateTo(PlatformAreas.All[0].Href);
        var head = RenderPage<HeadOutlet>();

        foreach (var render in new Action[] { () => RenderPage<Dashboard>(), () => RenderPage<AreaPreview>(), () => RenderPage<NotFound>(), () => RenderPage<Error>() })
        {
            render();
            head.WaitForAssertion(() => Assert.Contains("<title>⟦", head.Markup, StringComparison.Ordinal));
            AssertLocalized(head.Markup);
        }
    }

    private static RenderFragment Fragment<T>()
        where T : IComponent => b =>
    {
        b.OpenComponent<T>(0);
        b.CloseComponent();
    };
}
