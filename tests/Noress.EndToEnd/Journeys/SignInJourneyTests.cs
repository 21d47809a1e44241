using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Journeys;

[Collection(NoressServerCollection.Name)]
public sealed class SignInJourneyTests(NoressServer server)
{
    private const string French = "fr-MA";

    [Fact]
    public async Task Secretariat_SignsInThroughTheForm_SeesTheDashboardAndSignsOut()
    {
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;

        await page.GotoAsync("Account/Login");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = Texts.Account("Login.Title", French) })).ToBeVisibleAsync();
        await session.ScreenshotAsync("login-fr.png");

        await session.SignInAsync("secretariat@noress.demo");

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByText(Texts.Shell("Home.Welcome", French))).ToBeVisibleAsync();
        await Expect(page.GetByTestId("figure-institutions").Locator("[data-value]")).ToHaveAttributeAsync("data-value", "35");
        await Expect(page.GetByTestId("figure-institutions")).ToContainTextAsync(Texts.Shell("Home.Institutions", French));
        await Expect(page.GetByTestId("demo-banner")).ToBeVisibleAsync();
        await session.ScreenshotAsync("dashboard-fr.png");

        await session.SignOutAsync();

        await Expect(page.Locator("#email")).ToBeVisibleAsync();
        var dashboard = await page.GotoAsync("/");
        Assert.NotNull(dashboard);
        Assert.Equal("/Account/Login", new Uri(page.Url).AbsolutePath);
        await session.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task WrongPassword_ShowsTheLocalizedError_AndStaysOnTheLoginPage()
    {
        await using var session = await server.OpenSessionAsync();
        var page = session.Page;

        await page.GotoAsync("Account/Login");
        await page.Locator("#email").FillAsync("member@noress.demo");
        await page.Locator("#password").FillAsync("not-the-password");
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync(Texts.Account("Login.Invalid", French));
        Assert.Equal("/Account/Login", new Uri(page.Url).AbsolutePath);
        await session.AssertNoBrowserErrorsAsync();
    }
}
