using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Notifications.Outbox;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Calls;

/// <summary>An outside initiative registers, confirms from its mail, lands in its own area and nowhere else (ADR 0038).</summary>
[Collection(MailingNoressServerCollection.Name)]
public sealed partial class OutsideInitiativeJourneyTests(MailingNoressServer mailing)
{
    private const string Arabic = "ar-MA";
    private const string Password = "Argane-2026-huile";

    [Fact]
    public async Task OutsideInitiative_RegistersInArabic_ConfirmsFromTheMail_AndSeesOnlyItsArea()
    {
        var server = mailing.Server;
        var email = $"initiative-{Guid.NewGuid():N}@example.org";

        // From the sign-in page, in Arabic (right to left), to the registration form.
        await using var browser = await server.OpenSessionAsync(Arabic);
        await browser.Page.GotoAsync("Account/Login");
        await browser.Page.GetByTestId("register-initiative-link").ClickAsync();
        await Expect(browser.Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await browser.Page.Locator("#initiative-name").FillAsync("تعاونية تيفاوين");
        await browser.Page.Locator("#legal-form").SelectOptionAsync("Cooperative");
        await browser.Page.Locator("#city").FillAsync("تطوان");
        await browser.Page.Locator("#contact").FillAsync("سلمى الإدريسي");
        await browser.Page.Locator("#email").FillAsync(email);
        await browser.Page.Locator("#password").FillAsync(Password);
        await browser.Page.Locator("#confirm").FillAsync(Password);
        await browser.Page.Locator("#consent").CheckAsync();
        await browser.Page.GetByTestId("register-submit").ClickAsync();
        await Expect(browser.Page.GetByTestId("register-sent")).ToBeVisibleAsync();

        // Signing in before confirming is refused.
        await browser.Page.GotoAsync("Account/Login");
        await browser.Page.Locator("#email").FillAsync(email);
        await browser.Page.Locator("#password").FillAsync(Password);
        await browser.Page.GetByTestId("login-submit").ClickAsync();
        await Expect(browser.Page.GetByTestId("login-error")).ToHaveTextAsync(Texts.Account("Outside.Login.NotConfirmed", Arabic));

        // The outbox sends the mail (run now rather than waited for); the first link confirms.
        await server.Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync();
        var mail = mailing.MessagesTo(email)[0];
        var link = new Uri(ConfirmLink().Match(mail.TextBody ?? string.Empty).Value);
        await browser.Page.GotoAsync(link.PathAndQuery);
        await Expect(browser.Page.GetByTestId("confirm-done")).ToBeVisibleAsync();

        // Signed in, it lands on its own area: its details, no applications, no members' drawer.
        await browser.Page.GotoAsync("Account/Login");
        await browser.Page.Locator("#email").FillAsync(email);
        await browser.Page.Locator("#password").FillAsync(Password);
        await browser.Page.GetByTestId("login-submit").ClickAsync();
        await browser.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/applicant");
        await Expect(browser.Page.Locator("h1")).ToHaveTextAsync(Texts.Outside("Home.Title", Arabic));
        await Expect(browser.Page.GetByTestId("applicant-details")).ToContainTextAsync("تعاونية تيفاوين");
        await Expect(browser.Page.GetByTestId("applicant-no-applications")).ToBeVisibleAsync();
        await Expect(browser.Page.Locator(".mud-drawer")).ToHaveCountAsync(0);

        // A direct visit to the members' pages or the documents is refused: back to its area, with a notice.
        foreach (var path in new[] { "members", "documents" })
        {
            await browser.Page.GotoAsync(path);
            await browser.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/applicant");
            await Expect(browser.Page.GetByTestId("applicant-refused")).ToBeVisibleAsync();
        }

        await browser.AssertNoBrowserErrorsAsync();
    }

    [GeneratedRegex(@"https?://\S+/Account/ConfirmInitiative\?token=\S+")]
    private static partial Regex ConfirmLink();
}
