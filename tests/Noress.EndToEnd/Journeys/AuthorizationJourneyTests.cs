using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Journeys;

[Collection(NoressServerCollection.Name)]
public sealed class AuthorizationJourneyTests(NoressServer server)
{
    private const string French = "fr-MA";

    [Fact]
    public async Task Member_DoesNotSeeAdministration_AndIsRefusedTheJobsDashboard()
    {
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync("member@noress.demo");

        await Expect(page.Locator(".mud-drawer").GetByText(Texts.Shell("Nav.Administration", French))).ToHaveCountAsync(0);

        var response = await page.GotoAsync("jobs");

        // Refused either by the cookie handler (redirect to the access-denied page) or by the dashboard's own filter (403).
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hangfire Dashboard" })).ToHaveCountAsync(0);
        if (new Uri(page.Url).AbsolutePath == "/Account/AccessDenied")
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Texts.Account("AccessDenied.Title", French) })).ToBeVisibleAsync();
        }
        else
        {
            Assert.Equal(403, response!.Status);
        }

        var direct = await session.Context.APIRequest.GetAsync("jobs", new() { MaxRedirects = 0 });
        Assert.True(
            direct.Status == 403 || (direct.Status == 302 && new Uri(server.BaseAddress, direct.Headers["location"]).AbsolutePath == "/Account/AccessDenied"),
            $"GET /jobs as a member answered {direct.Status} {direct.Headers.GetValueOrDefault("location")}");
        // The access-denied page may itself answer 403, which Chromium logs as a failed resource.
        await session.AssertNoBrowserErrorsAsync(new Regex("Failed to load resource: the server responded with a status of 403"));
    }

    [Fact]
    public async Task Administrator_SeesAdministration_AndOpensTheJobsDashboard()
    {
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync("admin@noress.demo");

        var drawer = page.Locator(".mud-drawer");
        await Expect(drawer.GetByText(Texts.Shell("Nav.Administration", French))).ToBeVisibleAsync();
        await drawer.GetByRole(AriaRole.Link, new() { Name = Texts.Shell("Nav.Jobs", French), Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/jobs", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hangfire Dashboard" })).ToBeVisibleAsync();
        await session.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task Visitor_IsSentToTheLoginPage_AndBackAfterSigningIn()
    {
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;

        await page.GotoAsync("committees");
        Assert.Equal("/Account/Login", new Uri(page.Url).AbsolutePath);

        await page.Locator("#email").FillAsync("member@noress.demo");
        await page.Locator("#password").FillAsync(NoressServer.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/committees");
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator(".mud-main-content").GetByRole(AriaRole.Heading, new() { Name = Texts.Shell("Nav.Committees", French) })).ToBeVisibleAsync();
        await session.AssertNoBrowserErrorsAsync();
    }
}
