using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Noress.App.Shared.Layout;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Journeys;

[Collection(NoressServerCollection.Name)]
public sealed class NavigationJourneyTests(NoressServer server)
{
    private const string French = "fr-MA";

    // The drawer's state as MudDrawer's classes say it (Shared/Layout/MainLayout, ADR 0059).
    private static readonly Regex OpenDrawer = new(@"\bmud-drawer--open\b");

    private static readonly Regex ClosedDrawer = new(@"\bmud-drawer--closed\b");

    [Fact]
    public async Task Secretariat_VisitsEveryAreaOfTheDrawer_AndEachShowsItsTitle()
    {
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync("secretariat@noress.demo");
        var drawer = page.Locator(".mud-drawer");

        // Every link the drawer offers, so an area added later is visited too.
        var links = await drawer.Locator("a.mud-nav-link").EvaluateAllAsync<DrawerLink[]>(
            "links => links.map(a => ({ href: a.getAttribute('href'), text: (a.querySelector('[data-nav-title]') ?? a).innerText.trim() }))");
        foreach (var area in PlatformAreas.All)
        {
            Assert.Contains(links, link => link.Href == area.Href && link.Text == Texts.Shell(area.TitleKey, French));
        }

        foreach (var link in links.Where(l => l.Href is { Length: > 0 }))
        {
            // By address: an area not built yet is named "<area>, soon".
            await drawer.Locator($"a.mud-nav-link[href='{link.Href}']").ClickAsync();

            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/" + link.Href);
            var main = page.Locator(".mud-main-content");
            if (PlatformAreas.All.Any(a => a.Href == link.Href))
            {
                // An area's page is titled with the area's name.
                await Expect(main.GetByRole(AriaRole.Heading, new() { Name = link.Text, Exact = true })).ToBeVisibleAsync();
                await Expect(page).ToHaveTitleAsync(new Regex(Regex.Escape(link.Text)));
            }
            else
            {
                await Expect(main.GetByRole(AriaRole.Heading).First).ToBeVisibleAsync();
            }

            await Expect(page.GetByTestId("not-found")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("forbidden")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
            if (link.Href == "members")
            {
                await session.ScreenshotAsync("members-fr.png");
                // A full-page picture resizes the page for a moment: the drawer ends as the window's width wants it.
                await Expect(drawer).ToHaveClassAsync(OpenDrawer);
                await Expect(drawer).ToBeInViewportAsync();
            }
        }

        await drawer.GetByRole(AriaRole.Link, new() { Name = Texts.Shell("Nav.Home", French), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("figure-institutions")).ToBeVisibleAsync();
        await session.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task Drawer_ClosesBelowTheMdBreakpoint_AfterALinkThere_AndOpensWhenTheWindowWidens()
    {
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync("secretariat@noress.demo");
        var drawer = page.Locator("aside[data-noress-drawer]");
        await Expect(drawer).ToHaveClassAsync(OpenDrawer);

        await page.SetViewportSizeAsync(800, 900);
        await Expect(drawer).ToHaveClassAsync(ClosedDrawer);

        await page.SetViewportSizeAsync(1366, 900);
        await Expect(drawer).ToHaveClassAsync(OpenDrawer);
        await Expect(drawer).ToBeInViewportAsync();

        // Quick changes of width, each before the circuit has answered the last: the drawer ends as the last width wants.
        await page.SetViewportSizeAsync(800, 900);
        await page.SetViewportSizeAsync(1366, 900);
        await page.SetViewportSizeAsync(800, 900);
        await Expect(drawer).ToHaveClassAsync(ClosedDrawer);

        // Narrow, the menu button opens the drawer over the page; a link followed there closes it.
        await page.GetByRole(AriaRole.Button, new() { Name = Texts.Shell("Shell.ToggleNavigation", French), Exact = true }).ClickAsync();
        await Expect(drawer).ToHaveClassAsync(OpenDrawer);
        await Expect(page.Locator(".mud-drawer-overlay")).ToBeVisibleAsync();
        await drawer.Locator("a.mud-nav-link[href='members']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/members");
        await Expect(drawer).ToHaveClassAsync(ClosedDrawer);
        await Expect(page.Locator(".mud-drawer-overlay")).ToHaveCountAsync(0);

        await page.SetViewportSizeAsync(1366, 900);
        await Expect(drawer).ToHaveClassAsync(OpenDrawer);
        await Expect(drawer).ToBeInViewportAsync();
        await session.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task UnknownAddress_ShowsTheNotFoundPage()
    {
        await using var session = await server.OpenSessionAsync();
        await session.SignInAsync("secretariat@noress.demo");

        var response = await session.Page.GotoAsync("no-such-area");

        Assert.Equal(404, response!.Status);
        await Expect(session.Page.GetByTestId("not-found")).ToHaveTextAsync(Texts.Shell("Error.NotFoundTitle", French));
        await session.AssertNoBrowserErrorsAsync(ResourceStatus(404));
    }

    /// <summary>Chromium logs a page answered with an error status as a failed resource.</summary>
    private static Regex ResourceStatus(int status) => new($"Failed to load resource: the server responded with a status of {status}");

    private sealed class DrawerLink
    {
        public string? Href { get; set; }

        public string Text { get; set; } = string.Empty;
    }
}
