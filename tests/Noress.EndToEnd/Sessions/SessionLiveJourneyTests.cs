using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions;
using Noress.App.Shared.Time;
using Noress.EndToEnd.Accessibility;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Sessions;

/// <summary>
/// Issue 10's room: the secretariat runs an open session from its console, three representatives check in and vote
/// from their own browsers, and the projector follows the count and then the result without a reload. The first
/// representative also follows on a second device, whose ballot card learns of the vote cast on the first; the
/// third leaves the room after the vote.
/// </summary>
[Collection(NoressServerCollection.Name)]
public sealed class SessionLiveJourneyTests(NoressServer server)
{
    // The demo accounts' institutions: other journeys sign in for them, so this one leaves their representatives alone.
    private static readonly string[] DemoAccountsInstitutions = ["ADS", "ODCO", "CRTTA"];

    [Fact]
    public async Task ThreeRepresentatives_CheckInAndVote_TheProjectorShowsTheCountThenTheResultLive()
    {
        var (sessionId, representatives) = await OpenSessionWithThreeRepresentativesAsync();
        await using var secretariat = await server.OpenSessionAsync();
        await secretariat.SignInAsync(AppPages.SecretariatEmail, returnPath: $"/sessions/{sessionId}/console");
        await Expect(secretariat.Page.GetByTestId("console-title")).ToBeVisibleAsync();
        await using var projector = await server.OpenSessionAsync();
        await projector.SignInAsync("member@noress.demo", returnPath: $"/sessions/{sessionId}/projector");
        await Expect(projector.Page.GetByTestId("projector-half")).ToHaveCountAsync(2);
        await Expect(projector.Page.Locator("[data-testid=projector-half][data-lang=ar]")).ToHaveAttributeAsync("dir", "rtl");
        // Marks this page load: a reload would drop it.
        await projector.Page.EvaluateAsync("() => window.noressProjectorMark = 'same page'");
        var french = projector.Page.Locator("[data-testid=projector-half][data-lang=fr]");

        var voters = new List<BrowserSession>();
        BrowserSession? twin = null;
        try
        {
            foreach (var (email, acronym) in representatives)
            {
                var voter = await server.OpenSessionAsync();
                voters.Add(voter);
                await voter.SignInAsync(email, returnPath: $"/sessions/{sessionId}/live");
                await voter.Page.Locator($"[data-testid=self-check-in][data-institution='{acronym}']").ClickAsync();
                await Expect(voter.Page.Locator($"[data-testid=checked-in][data-institution='{acronym}']")).ToBeVisibleAsync();
            }

            await Expect(secretariat.Page.Locator("[data-testid=attendance-row][data-mark=Present]")).ToHaveCountAsync(3);

            // The first representative's second device (a tablet beside the laptop): same person, same institution.
            var (firstEmail, firstAcronym) = representatives[0];
            twin = await server.OpenSessionAsync();
            await twin.SignInAsync(firstEmail, returnPath: $"/sessions/{sessionId}/live");
            await Expect(twin.Page.Locator($"[data-testid=checked-in][data-institution='{firstAcronym}']")).ToBeVisibleAsync();
            await twin.Page.EvaluateAsync("() => window.noressTwinMark = 'same page'");
            await Expect(french.GetByTestId("quorum-present")).ToContainTextAsync("3");

            await secretariat.Page.GetByTestId("set-current-item").First.ClickAsync();
            await Expect(french.GetByTestId("projector-item")).ToContainTextAsync("Adoption du rapport moral");
            await secretariat.Page.GetByTestId("vote-question").FillAsync("Adopter le rapport moral 2026 ?");
            await secretariat.Page.GetByTestId("open-vote-submit").ClickAsync();
            await Expect(french.GetByTestId("projector-count")).ToHaveAttributeAsync("data-count", "0");
            var twinCard = twin.Page.Locator($"[data-testid=ballot-card][data-institution='{firstAcronym}']");
            await Expect(twinCard).ToHaveAttributeAsync("data-voted", "false");

            string[] choices = ["ballot-for", "ballot-for", "ballot-against"];
            for (var i = 0; i < voters.Count; i++)
            {
                await voters[i].Page.GetByTestId(choices[i]).ClickAsync();
                await Expect(voters[i].Page.GetByTestId("ballot-voted")).ToBeVisibleAsync();
                await Expect(french.GetByTestId("projector-count")).ToHaveAttributeAsync("data-count", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            // The second device was told only that the count moved; it asked, and now shows the institution voted.
            await Expect(twinCard).ToHaveAttributeAsync("data-voted", "true");
            await Expect(twinCard.GetByTestId("ballot-voted")).ToBeVisibleAsync();
            await Expect(twinCard.GetByTestId("ballot-for")).ToHaveCountAsync(0);
            Assert.Equal("same page", await twin.Page.EvaluateAsync<string>("() => window.noressTwinMark"));

            await Expect(secretariat.Page.GetByTestId("participation-count")).ToHaveAttributeAsync("data-count", "3");
            await secretariat.Page.GetByTestId("close-vote").ClickAsync();

            await Expect(french.GetByTestId("vote-counts")).ToHaveTextAsync("Pour 2, contre 1, abstentions 0");
            await Expect(french.GetByTestId("vote-result")).ToHaveAttributeAsync("data-verdict", "Adopted");
            await Expect(projector.Page.Locator("[data-testid=projector-half][data-lang=ar] [data-testid=vote-verdict]")).ToHaveTextAsync("مصادق عليه");
            Assert.Equal("same page", await projector.Page.EvaluateAsync<string>("() => window.noressProjectorMark"));
            await Expect(voters[0].Page.GetByTestId("vote-result")).ToHaveAttributeAsync("data-verdict", "Adopted");
            await Expect(secretariat.Page.GetByTestId("closed-vote")).ToHaveCountAsync(1);

            // The third representative leaves the room: absent again on the console, free to check in again.
            var (_, thirdAcronym) = representatives[2];
            await voters[2].Page.Locator($"[data-testid=self-check-out][data-institution='{thirdAcronym}']").ClickAsync();
            await Expect(voters[2].Page.Locator($"[data-testid=self-check-in][data-institution='{thirdAcronym}']")).ToBeVisibleAsync();
            await Expect(secretariat.Page.Locator($"[data-testid=attendance-row][data-institution='{thirdAcronym}']")).ToHaveAttributeAsync("data-mark", "Absent");
            await Expect(secretariat.Page.Locator("[data-testid=attendance-row][data-mark=Present]")).ToHaveCountAsync(2);

            await projector.ScreenshotAsync("session-projector.png");
            await secretariat.ScreenshotAsync("session-console-fr.png");

            // Closing the session drafts its minutes from its data: the vote is in them, with its counts.
            await secretariat.GoToInteractiveAsync($"sessions/{sessionId}");
            await secretariat.Page.GetByTestId("session-close").ClickAsync();
            await secretariat.Page.GetByTestId("minutes-doc-fr").ClickAsync();
            await Expect(secretariat.Page.Locator(".cm-content")).ToContainTextAsync("Adopter le rapport moral 2026");
            await secretariat.AssertNoBrowserErrorsAsync();
            await projector.AssertNoBrowserErrorsAsync();
            foreach (var voter in voters)
            {
                await voter.AssertNoBrowserErrorsAsync();
            }

            await twin.AssertNoBrowserErrorsAsync();
        }
        finally
        {
            if (twin is not null)
            {
                await twin.DisposeAsync();
            }

            foreach (var voter in voters)
            {
                await voter.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A plenary opened through the services (the lifecycle screens are another part of issue 10), with self check-in,
    /// and three new titular representatives of institutions in good standing, each with the demo password.
    /// </summary>
    private async Task<(Guid SessionId, List<(string Email, string Acronym)> Representatives)> OpenSessionWithThreeRepresentativesAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<NoressUser>>();
        var secretariat = await users.FindByEmailAsync(AppPages.SecretariatEmail) ?? throw new InvalidOperationException("No demo secretariat.");
        var caller = await services.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(secretariat);
        var sessions = services.GetRequiredService<SessionService>();
        var startsAt = DateTime.UtcNow.Date.AddDays(2).AddHours(9);
        var created = await sessions.CreateAsync(caller, new SessionInput(SessionBody.Plenary, null, "Assemblée générale ordinaire", "Chefchaouen", startsAt, startsAt.AddHours(3), AllowsSelfCheckIn: true), default);
        var sessionId = created.Value;
        Assert.True(created.Succeeded, created.Error);
        Assert.True((await sessions.AddAgendaItemAsync(caller, sessionId, AgendaItemKind.Deliberation, "Adoption du rapport moral", 30, default)).Succeeded);

        await using var db = await services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var session = await db.Set<Session>().SingleAsync(s => s.Id == sessionId);
        var voting = await SessionBodies.VotingInstitutionsAsync(db, session, default);
        var institutions = await db.Institutions.Where(i => voting.Contains(i.Id) && !DemoAccountsInstitutions.Contains(i.Acronym)).OrderBy(i => i.Acronym).Take(3).ToListAsync();
        Assert.Equal(3, institutions.Count);
        var today = NoressClock.Today(TimeProvider.System);
        var representatives = new List<(string, string)>();
        foreach (var institution in institutions)
        {
            var email = $"live.{Guid.NewGuid():N}@sessions.e2e";
            var user = new NoressUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Représentant {institution.Acronym}", InstitutionId = institution.Id, CreatedAt = DateTime.UtcNow };
            var result = await users.CreateAsync(user, NoressServer.DemoPassword);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
            // Starts after the demo's mandates, so the resolver names this person titular.
            db.Add(new RepresentativeMandate { InstitutionId = institution.Id, UserId = user.Id, Role = RepresentativeRole.Titular, StartsOn = today.AddDays(-1), CreatedAt = DateTime.UtcNow });
            representatives.Add((email, institution.Acronym));
        }

        await db.SaveChangesAsync();
        Assert.True((await sessions.ConveneAsync(caller, sessionId, default)).Succeeded);
        Assert.True((await sessions.OpenAsync(caller, sessionId, default)).Succeeded);
        return (sessionId, representatives);
    }
}
