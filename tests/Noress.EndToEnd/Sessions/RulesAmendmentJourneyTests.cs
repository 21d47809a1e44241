using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.RulesOfProcedure;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Time;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Sessions;

/// <summary>
/// An amendment adopted by vote changes the rules in force from its effective date. The session and the vote are
/// driven through the services (the live console is another branch's); the rules page is read in the browser.
/// </summary>
[Collection(NoressServerCollection.Name)]
public sealed class RulesAmendmentJourneyTests(NoressServer server)
{
    private const string French = "fr-MA";
    private const string NewText = "La plénière se réunit au moins trois fois par an, sur convocation du secrétariat permanent.";

    [Fact]
    public async Task AmendmentAdoptedByVote_ChangesTheRulesInForceFromItsEffectiveDate()
    {
        var today = NoressClock.Today(TimeProvider.System);
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var secretariat = await PrincipalAsync(services, "secretariat@noress.demo");
        var rules = services.GetRequiredService<RulesService>();
        var amendment = Ok(await rules.ProposeAsync(secretariat, new AmendmentInput(AmendmentKind.Amend, "Art. 7", NewText, "ينعقد الجمع العام ثلاث مرات في السنة على الأقل.", "Se réunir plus souvent."), default));

        // Before the vote: the suggestion is shown as a diff, and the text in force is the founding one.
        await using var member = await server.OpenSessionAsync(French);
        await member.SignInAsync("member@noress.demo");
        await member.GoToInteractiveAsync("rules/articles/7");
        var suggestion = member.Page.GetByTestId("amendment");
        await Expect(suggestion.Locator("[data-testid=word-diff][lang=fr] ins")).ToContainTextAsync(["trois "]);
        await Expect(suggestion.GetByTestId("amendment-state")).ToHaveTextAsync("Proposé");

        // A plenary tomorrow votes it: one institution present, for; the amendment majority is two thirds of the votes cast.
        var sessions = services.GetRequiredService<SessionService>();
        var start = NoressClock.ToUtc(today.AddDays(1).ToDateTime(new TimeOnly(10, 0)));
        var sessionId = Ok(await sessions.CreateAsync(secretariat, new SessionInput(SessionBody.Plenary, null, "Plénière – amendement du règlement", "Tanger", start, start.AddHours(2)), default));
        var item = Ok(await rules.PutOnAgendaAsync(secretariat, amendment, sessionId, default));
        Ok(await sessions.ConveneAsync(secretariat, sessionId, default));
        Ok(await sessions.OpenAsync(secretariat, sessionId, default));
        var (institution, representative) = await VoterAsync(services, today.AddDays(1));
        Ok(await services.GetRequiredService<AttendanceService>().CheckInAsync(secretariat, sessionId, institution, default));
        var votes = services.GetRequiredService<VoteService>();
        var vote = Ok(await votes.OpenAsync(secretariat, sessionId, item, "Adopter l'amendement de l'article 7 ?", BallotKind.Open, default));
        Ok(await votes.CastAsync(representative, vote, institution, VoteChoice.For, default));
        Ok(await votes.CloseAsync(secretariat, vote, default));

        // The day after the session the new text is in force; the day of the session it is not yet.
        var effective = today.AddDays(2);
        await member.GoToInteractiveAsync($"rules?date={Iso(effective.AddDays(-1))}");
        var seven = member.Page.Locator("[data-testid=rules-article][data-number='Art. 7']");
        await Expect(seven.GetByTestId("rules-text-fr")).Not.ToHaveTextAsync(NewText);
        await member.GoToInteractiveAsync($"rules?date={Iso(effective)}");
        await Expect(seven.GetByTestId("rules-text-fr")).ToHaveTextAsync(NewText);
        await Expect(seven.GetByTestId("rules-text-ar")).ToHaveAttributeAsync("dir", "rtl");
        await member.ScreenshotAsync("rules-amended-fr.png");

        await member.GoToInteractiveAsync("rules/articles/7");
        await Expect(member.Page.GetByTestId("article-version")).ToHaveCountAsync(2);
        await Expect(member.Page.GetByTestId("article-version").First).ToHaveAttributeAsync("data-effective", Iso(effective));
        await Expect(member.Page.GetByTestId("amendment-state")).ToHaveTextAsync("Adopté");
        await member.AssertNoBrowserErrorsAsync();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Guid Ok(Noress.App.Shared.Operations.Outcome<Guid> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value;
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string email)
    {
        var user = await services.GetRequiredService<UserManager<NoressUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        return await services.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(user);
    }

    /// <summary>A demo institution in good standing on <paramref name="date"/> and its titular representative.</summary>
    private static async Task<(Guid Institution, ClaimsPrincipal Representative)> VoterAsync(IServiceProvider services, DateOnly date)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var voting = await SessionBodies.VotingInstitutionsAsync(db, SessionBody.Plenary, null, date, default);
        var representation = await SessionBodies.RepresentativesAsync(db, [.. voting], date, default);
        var (institution, titular) = representation.Where(r => r.Value.TitularId is not null).Select(r => (r.Key, r.Value.TitularId!.Value)).OrderBy(r => r.Key).First();
        var user = await db.Users.SingleAsync(u => u.Id == titular);
        return (institution, await services.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(user));
    }
}
