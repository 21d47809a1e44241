using System.Text.RegularExpressions;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Sessions;

[Collection(NoressServerCollection.Name)]
public sealed partial class SessionPreparationJourneyTests(NoressServer server)
{
    private const string French = "fr-MA";

    [Fact]
    public async Task Secretariat_CreatesAndConvenesASession_AndAMemberSeesItInTheList()
    {
        var title = $"Session extraordinaire {Guid.NewGuid():N}"[..32];

        // The secretariat creates the session from the list; the dialog opens its page.
        await using var secretariat = await server.OpenSessionAsync(French);
        await secretariat.SignInAsync("secretariat@noress.demo");
        await secretariat.GoToInteractiveAsync("sessions");
        var page = secretariat.Page;
        await page.GetByTestId("session-new").ClickAsync();
        await page.GetByTestId("session-new-title").FillAsync(title);
        await page.GetByTestId("session-new-place").FillAsync("Tanger, siège du Conseil régional");
        await page.GetByTestId("session-new-submit").ClickAsync();
        await page.WaitForURLAsync(SessionPage());
        await Expect(page.GetByTestId("session-title")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("session-state")).ToHaveAttributeAsync("data-state", "Draft");

        // Two agenda items, then the second moved up with the keyboard-accessible button.
        foreach (var item in new[] { "Rapport d'activité", "Plan d'action 2027" })
        {
            await page.GetByTestId("agenda-title").FillAsync(item);
            await page.GetByTestId("agenda-save").ClickAsync();
            await Expect(page.GetByTestId("agenda-item").Filter(new() { HasText = item })).ToHaveCountAsync(1);
        }

        await page.GetByTestId("agenda-item").Nth(1).GetByTestId("agenda-up").ClickAsync();
        await Expect(page.GetByTestId("agenda-item").First).ToContainTextAsync("Plan d'action 2027");
        await Expect(page.GetByTestId("agenda-item").Nth(1)).ToContainTextAsync("Rapport d'activité");

        await page.GetByTestId("session-convene").ClickAsync();
        await Expect(page.GetByTestId("session-state")).ToHaveAttributeAsync("data-state", "Convened");
        await Expect(page.GetByTestId("session-live-links")).ToBeVisibleAsync();
        await secretariat.ScreenshotAsync("session-convened-fr.png");

        // A member finds it among the upcoming sessions and opens it.
        await using var member = await server.OpenSessionAsync(French);
        await member.SignInAsync("member@noress.demo");
        await member.GoToInteractiveAsync("sessions");
        var row = member.Page.GetByTestId("sessions-upcoming").GetByTestId("session-row").Filter(new() { HasText = title });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("session-state")).ToHaveAttributeAsync("data-state", "Convened");
        await row.ClickAsync();
        await member.Page.WaitForURLAsync(SessionPage());
        await Expect(member.Page.GetByTestId("session-title")).ToHaveTextAsync(title);
        await Expect(member.Page.GetByTestId("session-agenda")).ToContainTextAsync("Plan d'action 2027");
        await Expect(member.Page.GetByTestId("session-lifecycle")).ToHaveCountAsync(0);

        await secretariat.AssertNoBrowserErrorsAsync();
        await member.AssertNoBrowserErrorsAsync();
    }

    [GeneratedRegex(@"/sessions/[0-9a-f-]{36}$")]
    private static partial Regex SessionPage();
}
