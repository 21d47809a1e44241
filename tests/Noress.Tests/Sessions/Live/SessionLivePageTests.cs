using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Live;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Pdf;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Sessions.Live;

/// <summary>A member's own device over the real sessions services: the signed-in person is ADS's titular; the session allows self check-in.</summary>
public sealed class SessionLivePageTests : NoressTestContext
{
    private TestDatabase database = null!;
    private Guid sessionId;
    private Guid ads;
    private ClaimsPrincipal me = null!;

    private async Task ArrangeAsync(bool checkedIn, string role = Roles.Member)
    {
        database = await UseDatabaseAsync();
        Services.AddNoressDocuments(new ConfigurationBuilder().Build());
        Services.AddNoressPdf(new ConfigurationBuilder().Build());
        Services.AddNoressSessions();
        await SignInAsAsync(role);
        var today = new DateOnly(2026, 3, 5);
        await using var db = await database.Factory.CreateDbContextAsync();
        var institution = new Institution { Acronym = "ADS", NameFr = "Agence de développement social", NameAr = "وكالة التنمية الاجتماعية", Status = MembershipStatus.Active };
        var user = new NoressUser { Id = UserId, FullName = UserName, UserName = "amina@noress.test", Email = "amina@noress.test", InstitutionId = institution.Id };
        db.AddRange(institution, user);
        db.Add(new MouSignature { InstitutionId = institution.Id, Status = MouStatus.Countersigned, SignedOn = today.AddYears(-1), CountersignedOn = today.AddYears(-1), ExpiresOn = today.AddYears(1) });
        db.Add(new RepresentativeMandate { InstitutionId = institution.Id, UserId = UserId, Role = RepresentativeRole.Titular, StartsOn = today.AddDays(-30) });
        var session = new Session
        {
            Title = "Assemblée générale",
            Place = "Tétouan",
            State = SessionState.Open,
            AllowsSelfCheckIn = true,
            StartsAt = new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc),
            EndsAt = new DateTime(2026, 3, 5, 12, 0, 0, DateTimeKind.Utc),
        };
        db.Add(session);
        if (checkedIn)
        {
            db.Add(new SessionAttendance { SessionId = session.Id, Convocation = 1, InstitutionId = institution.Id, PersonId = UserId, CheckedInAt = session.StartsAt });
        }

        await db.SaveChangesAsync();
        (sessionId, ads) = (session.Id, institution.Id);
        me = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, UserId.ToString()), new Claim(ClaimTypes.Role, Roles.Member)], "test"));
    }

    [Fact]
    public async Task CheckOut_OwnInstitution_MarksItAbsentAndOffersToCheckInAgain()
    {
        await ArrangeAsync(checkedIn: true);
        RenderPage<MudPopoverProvider>();
        var cut = RenderPage<SessionLivePage>(p => p.Add(c => c.Id, sessionId));
        cut.WaitForAssertion(() => Assert.Equal("Signaler le départ de ADS", cut.Find("[data-testid=self-check-out]").TextContent.Trim()));

        cut.Find("[data-testid=self-check-out]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Émarger ADS", cut.Find("[data-testid=self-check-in]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=self-check-out]"));
        Assert.Empty(cut.FindAll("[data-testid=check-in-error]"));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.False(await db.Set<SessionAttendance>().AnyAsync(a => a.SessionId == sessionId));
        Assert.Equal(AttendanceMove.Left, (await db.Set<AttendanceMovement>().SingleAsync(m => m.SessionId == sessionId)).Move);
    }

    [Fact]
    public async Task BallotCard_InstitutionVotesFromAnotherDevice_ShowsVotedWithoutReload()
    {
        // bUnit grants policies to the signed-in person: one who is also in the secretariat can open the vote here.
        await ArrangeAsync(checkedIn: true, Roles.Secretariat);
        var secretariat = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, Roles.Secretariat)], "test"));
        var votes = Services.GetRequiredService<VoteService>();
        var voteId = (await votes.OpenAsync(secretariat, sessionId, null, "Adopter le plan d'action 2027 ?", BallotKind.Secret, default)).Value;
        RenderPage<MudPopoverProvider>();
        var cut = RenderPage<SessionLivePage>(p => p.Add(c => c.Id, sessionId));
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-testid=ballot-card]").GetAttribute("data-voted")));

        // The same person votes on their phone: this screen only hears that the count moved.
        var cast = await votes.CastAsync(me, voteId, ads, VoteChoice.For, default);
        Assert.True(cast.Succeeded, cast.Error);
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=participation-count]").GetAttribute("data-count")));
        Clock.Advance(SessionScreen.FollowDelay);

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=ballot-card]").GetAttribute("data-voted")));
        Assert.Empty(cut.FindAll("[data-testid=ballot-for]"));
        Assert.Single(cut.FindAll("[data-testid=ballot-voted]"));
    }
}
