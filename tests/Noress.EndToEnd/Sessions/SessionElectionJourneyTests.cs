using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Elections;
using Noress.App.Shared.Time;
using Noress.EndToEnd.Accessibility;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Sessions;

/// <summary>
/// Issue 10 §12 in the room: the secretariat opens the plenary and runs the election of the coordination of the
/// permanent secretariat from its console; three representatives vote from their own browsers; nobody has the absolute
/// majority in the first round, the second elects; the projector and the session page follow without a reload and
/// the mandate is written.
/// </summary>
[Collection(NoressServerCollection.Name)]
public sealed class SessionElectionJourneyTests(NoressServer server)
{
    // The demo accounts' institutions, and the first three others (the live vote's journey takes those).
    private static readonly string[] DemoAccountsInstitutions = ["ADS", "ODCO", "CRTTA"];

    [Fact]
    public async Task Election_TwoRoundsVotedFromThreeBrowsers_TheProjectorAndTheSessionPageShowTheResultLive_AndTheMandateIsWritten()
    {
        var (sessionId, representatives) = await ConvenedSessionWithThreeRepresentativesAsync();
        var (first, second) = (representatives[0], representatives[1]);
        await using var secretariat = await server.OpenSessionAsync();
        await secretariat.SignInAsync(AppPages.SecretariatEmail, returnPath: $"/sessions/{sessionId}");
        await secretariat.Page.GetByTestId("session-open").ClickAsync();
        await Expect(secretariat.Page.GetByTestId("session-open")).ToHaveCountAsync(0);

        await using var projector = await server.OpenSessionAsync();
        await projector.SignInAsync("member@noress.demo", returnPath: $"/sessions/{sessionId}/projector");
        await using var observer = await server.OpenSessionAsync();
        await observer.SignInAsync("member@noress.demo", returnPath: $"/sessions/{sessionId}");
        // Marks both page loads: a reload would drop the marks.
        await projector.Page.EvaluateAsync("() => window.noressMark = 'same page'");
        await observer.Page.EvaluateAsync("() => window.noressMark = 'same page'");
        var french = projector.Page.Locator("[data-testid=projector-half][data-lang=fr]");
        var arabic = projector.Page.Locator("[data-testid=projector-half][data-lang=ar]");

        var voters = new List<BrowserSession>();
        try
        {
            foreach (var (email, acronym, _, _) in representatives)
            {
                var voter = await server.OpenSessionAsync();
                voters.Add(voter);
                await voter.SignInAsync(email, returnPath: $"/sessions/{sessionId}/live");
                await voter.Page.Locator($"[data-testid=self-check-in][data-institution='{acronym}']").ClickAsync();
                await Expect(voter.Page.Locator($"[data-testid=checked-in][data-institution='{acronym}']")).ToBeVisibleAsync();
            }

            // The console: a new election of the coordination (the form's defaults: a secretariat position, coordination, one seat), two candidates.
            await secretariat.GoToInteractiveAsync($"sessions/{sessionId}/console");
            await secretariat.Page.GetByTestId("election-title").FillAsync("Coordination du secrétariat permanent");
            await secretariat.Page.GetByTestId("election-create-submit").ClickAsync();
            var election = secretariat.Page.GetByTestId("election");
            await Expect(election).ToHaveCountAsync(1);
            foreach (var candidate in new[] { first.Name, second.Name })
            {
                await election.Locator(".mud-select").First.ClickAsync();
                await secretariat.Page.Locator(".mud-popover-open .mud-list-item").GetByText(candidate, new() { Exact = true }).ClickAsync();
                await election.GetByTestId("election-add-candidate").ClickAsync();
                await Expect(election.GetByTestId("election-candidates")).ToContainTextAsync(candidate);
            }

            // Round 1: one vote each and a blank ballot; nobody has more than half of three.
            await RoundAsync(secretariat, voters, [first.Name, second.Name, null], round: 1);
            await Expect(french.GetByTestId("election-another-round")).ToBeVisibleAsync();
            await Expect(observer.Page.GetByTestId("election-another-round")).ToBeVisibleAsync();
            await Expect(observer.Page.GetByTestId("election-elected")).ToHaveCountAsync(0);

            // Round 2: two of three for the first candidate, elected at the absolute majority.
            await RoundAsync(secretariat, voters, [first.Name, first.Name, second.Name], round: 2);
            await Expect(french.GetByTestId("election-elected")).ToContainTextAsync(first.Name);
            await Expect(arabic.GetByTestId("election-elected")).ToContainTextAsync("الفائزون");
            await Expect(observer.Page.GetByTestId("election-elected")).ToContainTextAsync(first.Name);
            await Expect(observer.Page.Locator("[data-testid=election-round-result][data-round='2']")).ToContainTextAsync("Tour 2\u00a0: 3 bulletin(s), dont 0 blanc(s)");
            // A secret ballot: counts, never who chose whom.
            await Expect(observer.Page.GetByTestId("election-round-name")).ToHaveCountAsync(0);
            await Expect(secretariat.Page.GetByTestId("election-applied")).ToBeVisibleAsync();
            Assert.Equal("same page", await projector.Page.EvaluateAsync<string>("() => window.noressMark"));
            Assert.Equal("same page", await observer.Page.EvaluateAsync<string>("() => window.noressMark"));

            await using (var scope = server.Services.CreateAsyncScope())
            {
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
                var session = await db.Set<Session>().SingleAsync(s => s.Id == sessionId);
                var electionId = await db.Set<SessionElection>().Where(e => e.SessionId == sessionId).Select(e => e.Id).SingleAsync();
                var mandate = await db.Set<SecretariatMandate>().SingleAsync(m => m.ElectionId == electionId);
                Assert.Equal((first.UserId, SecretariatPosition.Coordinator, AttendanceService.SessionDate(session), (DateOnly?)null), (mandate.UserId, mandate.Position, mandate.StartsOn, mandate.EndsOn));
            }

            await projector.ScreenshotAsync("session-election-projector.png");
            await secretariat.AssertNoBrowserErrorsAsync();
            await projector.AssertNoBrowserErrorsAsync();
            await observer.AssertNoBrowserErrorsAsync();
            foreach (var voter in voters)
            {
                await voter.AssertNoBrowserErrorsAsync();
            }
        }
        finally
        {
            foreach (var voter in voters)
            {
                await voter.DisposeAsync();
            }
        }
    }

    /// <summary>Opens round <paramref name="round"/> from the console; each voter picks a candidate (null: blank); the console counts them live; closes.</summary>
    private static async Task RoundAsync(BrowserSession secretariat, IReadOnlyList<BrowserSession> voters, string?[] choices, int round)
    {
        await secretariat.Page.GetByTestId("election-open-round").ClickAsync();
        var count = secretariat.Page.GetByTestId("election-participations");
        await Expect(count).ToHaveAttributeAsync("data-count", "0");
        for (var i = 0; i < voters.Count; i++)
        {
            var ballot = voters[i].Page.GetByTestId("election-ballot");
            await Expect(ballot).ToContainTextAsync($"Tour {round.ToString(CultureInfo.InvariantCulture)}");
            if (choices[i] is { } name)
            {
                await ballot.GetByText(name, new() { Exact = true }).ClickAsync();
                await ballot.GetByTestId("election-cast").ClickAsync();
            }
            else
            {
                await ballot.GetByTestId("election-blank").ClickAsync();
            }

            await Expect(ballot.GetByTestId("election-voted")).ToBeVisibleAsync();
            await Expect(count).ToHaveAttributeAsync("data-count", (i + 1).ToString(CultureInfo.InvariantCulture));
        }

        await secretariat.Page.GetByTestId("election-close-round").ClickAsync();
        await Expect(secretariat.Page.Locator($"[data-testid=election-round-result][data-round='{round.ToString(CultureInfo.InvariantCulture)}']")).ToBeVisibleAsync();
    }

    /// <summary>
    /// A plenary in two days, convened through the services, with an election item and self check-in, and three new
    /// titular representatives (institutions in good standing that no other journey uses), each with the demo password.
    /// </summary>
    private async Task<(Guid SessionId, List<(string Email, string Acronym, Guid UserId, string Name)> Representatives)> ConvenedSessionWithThreeRepresentativesAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<NoressUser>>();
        var secretariat = await users.FindByEmailAsync(AppPages.SecretariatEmail) ?? throw new InvalidOperationException("No demo secretariat.");
        var caller = await services.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(secretariat);
        var sessions = services.GetRequiredService<SessionService>();
        var startsAt = DateTime.UtcNow.Date.AddDays(2).AddHours(14);
        var created = await sessions.CreateAsync(caller, new SessionInput(SessionBody.Plenary, null, "Assemblée élective", "Larache", startsAt, startsAt.AddHours(3), AllowsSelfCheckIn: true), default);
        Assert.True(created.Succeeded, created.Error);
        var sessionId = created.Value;
        Assert.True((await sessions.AddAgendaItemAsync(caller, sessionId, AgendaItemKind.Election, "Élection de la coordination du secrétariat permanent", 30, default)).Succeeded);

        await using var db = await services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var session = await db.Set<Session>().SingleAsync(s => s.Id == sessionId);
        var voting = await SessionBodies.VotingInstitutionsAsync(db, session, default);
        var institutions = await db.Institutions.Where(i => voting.Contains(i.Id) && !DemoAccountsInstitutions.Contains(i.Acronym))
            .OrderBy(i => i.Acronym).Skip(3).Take(3).ToListAsync();
        Assert.Equal(3, institutions.Count);
        var today = NoressClock.Today(TimeProvider.System);
        var representatives = new List<(string, string, Guid, string)>();
        foreach (var institution in institutions)
        {
            var email = $"election.{Guid.NewGuid():N}@sessions.e2e";
            var name = $"Candidat {institution.Acronym}";
            var user = new NoressUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, InstitutionId = institution.Id, CreatedAt = DateTime.UtcNow };
            var result = await users.CreateAsync(user, NoressServer.DemoPassword);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
            // Starts after the demo's mandates, so the resolver names this person titular.
            db.Add(new RepresentativeMandate { InstitutionId = institution.Id, UserId = user.Id, Role = RepresentativeRole.Titular, StartsOn = today.AddDays(-1), CreatedAt = DateTime.UtcNow });
            representatives.Add((email, institution.Acronym, user.Id, name));
        }

        await db.SaveChangesAsync();
        Assert.True((await sessions.ConveneAsync(caller, sessionId, default)).Succeeded);
        return (sessionId, representatives);
    }
}
