using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Journeys;

[Collection(NoressServerCollection.Name)]
public sealed partial class LanguageJourneyTests(NoressServer server)
{
    private const string French = "fr-MA";
    private const string Arabic = "ar-MA";

    [Fact]
    public async Task SignedInPerson_SwitchesToArabic_GetsARightToLeftShell_AndSwitchesBack()
    {
        // The administrator, so that a failure here cannot leave another journey's account in Arabic.
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync("admin@noress.demo");

        await session.SwitchLanguageAsync(Arabic);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator(".mud-rtl-provider")).ToHaveClassAsync(RtlLayoutClass());
        await Expect(page.Locator(".mud-appbar")).ToContainTextAsync(Texts.Shell("Shell.PlatformName", Arabic));
        await Expect(page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = Texts.Shell("Nav.Members", Arabic) })).ToBeVisibleAsync();
        var welcome = page.GetByText(Texts.Shell("Home.Welcome", Arabic));
        await Expect(welcome).ToBeVisibleAsync();
        Assert.Matches(ArabicScript(), await welcome.InnerTextAsync());
        await AssertDrawerSideAsync(page, rightToLeft: true);
        await Expect(page.GetByTestId("figure-institutions").Locator("[data-value]")).ToHaveAttributeAsync("data-value", "35");
        await session.ScreenshotAsync("dashboard-ar.png");

        // Meanwhile, in another browser, someone else still has the platform in French.
        await using (var other = await server.OpenSessionAsync())
        {
            await other.SignInAsync("member@noress.demo");
            await Expect(other.Page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
            await Expect(other.Page.GetByText(Texts.Shell("Home.Welcome", French))).ToBeVisibleAsync();
            await other.AssertNoBrowserErrorsAsync();
        }

        await page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = Texts.Shell("Nav.Sessions", Arabic) }).ClickAsync();
        await Expect(page.Locator(".mud-main-content").GetByRole(AriaRole.Heading, new() { Name = Texts.Shell("Nav.Sessions", Arabic) })).ToBeVisibleAsync();
        await session.ScreenshotAsync("sessions-ar.png");

        await session.SwitchLanguageAsync(French);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(page.Locator(".mud-rtl-provider")).Not.ToHaveClassAsync(RtlLayoutClass());
        await Expect(page.Locator(".mud-main-content").GetByRole(AriaRole.Heading, new() { Name = Texts.Shell("Nav.Sessions", French) })).ToBeVisibleAsync();
        await AssertDrawerSideAsync(page, rightToLeft: false);
        await session.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task Visitor_OpensTheLoginPageInArabic_AndSeesItRightToLeft()
    {
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;
        await page.GotoAsync("Account/Login");

        await page.Locator($"nav [data-culture='{Arabic}']").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Texts.Account("Login.Title", Arabic) })).ToBeVisibleAsync();
        await Expect(page.GetByText(Texts.Account("Login.Password", Arabic), new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("/Account/Login", new Uri(page.Url).AbsolutePath);
        await session.ScreenshotAsync("login-ar.png");
        await session.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task Visitor_WithAnArabicBrowser_GetsTheLoginPageInArabic_ThenTheProfilesLanguageOnceSignedIn()
    {
        // A browser set to Moroccan Arabic: the first visit speaks Arabic with no choice made.
        await using var session = await server.OpenSessionAsync(Arabic);
        var page = session.Page;
        await page.GotoAsync("Account/Login");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Texts.Account("Login.Title", Arabic) })).ToBeVisibleAsync();

        // Nothing chosen: the administrator's saved language (French) replaces the browser's, profile untouched.
        await session.SignInAsync("admin@noress.demo");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(page.GetByText(Texts.Shell("Home.Welcome", French))).ToBeVisibleAsync();
        await session.AssertNoBrowserErrorsAsync();
    }

    /// <summary>Right-to-left puts the navigation drawer on the right-hand side of the window.</summary>
    private static async Task AssertDrawerSideAsync(IPage page, bool rightToLeft)
    {
        var drawer = await page.Locator(".mud-drawer").BoundingBoxAsync();
        Assert.NotNull(drawer);
        var middle = page.ViewportSize!.Width / 2f;
        if (rightToLeft)
        {
            Assert.True(drawer.X > middle, $"The drawer starts at x={drawer.X}, not on the right-hand side.");
        }
        else
        {
            Assert.True(drawer.X + drawer.Width < middle, $"The drawer ends at x={drawer.X + drawer.Width}, not on the left-hand side.");
        }
    }

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicScript();

    [GeneratedRegex(@"\bmud-application-layout-rtl\b")]
    private static partial Regex RtlLayoutClass();
}
