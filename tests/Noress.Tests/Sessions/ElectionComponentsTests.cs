using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Elections;
using Noress.App.Sessions.Rules;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Sessions;

/// <summary>The secretariat's election panel and a member's ballot card, on the real service over an in-memory database.</summary>
public sealed class ElectionComponentsTests : NoressTestContext
{
    private readonly Guid sessionId = Guid.NewGuid();
    private readonly Guid electionId = Guid.NewGuid();
    private Guid institutionId;
    private TestDatabase database = default!;

    [Fact]
    public async Task ElectionBallotCard_ChoosingACandidateAndVoting_ShowsTheInstitutionVoted()
    {
        var round = await ArrangeAsync(Roles.Member, openRound: true);
        var cut = RenderPage<ElectionBallotCard>(p => p.Add(c => c.SessionId, sessionId));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("input[type=checkbox]").Count));
        Assert.Contains("Pour \u2068ODCO\u2069", cut.Find("[data-testid=election-ballot-voter]").TextContent, StringComparison.Ordinal);

        await cut.InvokeAsync(() => cut.FindAll("input[type=checkbox]")[0].Change(true));
        await cut.InvokeAsync(() => cut.Find("[data-testid=election-cast]").Click());

        cut.WaitForAssertion(() => Assert.Contains("\u2068ODCO\u2069 a voté.", cut.Find("[data-testid=election-voted]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=election-cast]"));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Single(db.Set<ElectionParticipation>().Where(p => p.RoundId == round));
        Assert.Single(db.Set<ElectionBallot>().Where(b => b.RoundId == round));
    }

    [Fact]
    public async Task ElectionBallotCard_TooManyCandidates_ShowsTheRefusalAndRecordsNothing()
    {
        var round = await ArrangeAsync(Roles.Member, openRound: true);
        var cut = RenderPage<ElectionBallotCard>(p => p.Add(c => c.SessionId, sessionId));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("input[type=checkbox]").Count));

        await cut.InvokeAsync(() => cut.FindAll("input[type=checkbox]")[0].Change(true));
        await cut.InvokeAsync(() => cut.FindAll("input[type=checkbox]")[1].Change(true));
        await cut.InvokeAsync(() => cut.Find("[data-testid=election-cast]").Click());

        cut.WaitForAssertion(() => Assert.Equal("Trop de candidats choisis pour le nombre de sièges.", cut.Find("[data-testid=election-refusal]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=election-voted]"));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Empty(db.Set<ElectionParticipation>().Where(p => p.RoundId == round));
        Assert.Empty(db.Set<ElectionBallot>().Where(b => b.RoundId == round));
    }

    [Fact]
    public async Task ElectionBallotCard_Blank_IsAcceptedAsAnEmptyBallot()
    {
        await ArrangeAsync(Roles.Member, openRound: true);
        var cut = RenderPage<ElectionBallotCard>(p => p.Add(c => c.SessionId, sessionId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=election-blank]"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=election-blank]").Click());

        cut.WaitForAssertion(() => cut.Find("[data-testid=election-voted]"));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(string.Empty, db.Set<ElectionBallot>().Single().Choices);
    }

    [Fact]
    public async Task ElectionPanel_OpenThenCloseARound_ShowsCountsAndTheElected()
    {
        await ArrangeAsync(Roles.Secretariat, openRound: false);
        var cut = RenderPage<ElectionPanel>(p => p.Add(c => c.SessionId, sessionId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=election-open-round]"));
        Assert.Equal(2, cut.FindAll("[data-testid=election-candidates] li").Count);

        await cut.InvokeAsync(() => cut.Find("[data-testid=election-open-round]").Click());
        cut.WaitForAssertion(() => Assert.Contains("Tour 1", cut.Find("[data-testid=election-participations]").TextContent, StringComparison.Ordinal));

        // The member (the same test person represents ODCO) votes through the service, as from their own device.
        var services = Services.GetRequiredService<ElectionService>();
        var user = await Services.GetRequiredService<CurrentUser>().GetPrincipalAsync();
        var round = (await services.ListAsync(user, sessionId, default)).Single().Rounds.Single().Round.Id;
        var candidates = (await services.ListAsync(user, sessionId, default)).Single().Candidates;
        var amina = candidates.Single(c => c.Name == UserName).Candidate.Id;
        Assert.True((await services.CastAsync(user, round, institutionId, [amina], default)).Succeeded);

        await cut.InvokeAsync(() => cut.Find("[data-testid=election-close-round]").Click());

        cut.WaitForAssertion(() => Assert.Contains("1 bulletin(s), dont 0 blanc(s)", cut.Find("[data-testid=election-round-result]").TextContent, StringComparison.Ordinal));
        Assert.Contains("élu au tour 1", cut.Find("[data-testid=election-round-result]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=election-applied]"));
        Assert.Empty(cut.FindAll("[data-testid=election-open-round]"));
    }

    [Fact]
    public async Task ElectionPanel_OpeningWithoutCandidates_ShowsTheRefusal()
    {
        await ArrangeAsync(Roles.Secretariat, openRound: false, candidates: false);
        var cut = RenderPage<ElectionPanel>(p => p.Add(c => c.SessionId, sessionId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=election-open-round]"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=election-open-round]").Click());

        cut.WaitForAssertion(() => Assert.Equal("Aucun candidat en lice.", cut.Find("[data-testid=election-error]").TextContent.Trim()));
    }

    /// <summary>
    /// An open plenary today where the test person is ODCO's titular representative, checked in, with an election for
    /// the secretariat's coordination (one seat, secret) and two candidates; returns the open round's id, if opened.
    /// </summary>
    private async Task<Guid> ArrangeAsync(string role, bool openRound, bool candidates = true)
    {
        database = await UseDatabaseAsync();
        Services.AddScoped<SessionsAccess>();
        Services.AddSingleton<SessionLive>();
        Services.AddScoped<ElectionService>();
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var now = Clock.GetUtcNow().UtcDateTime;
        var me = await database.AddPersonAsync(UserId, UserName);
        institutionId = me.InstitutionId!.Value;
        await using var db = await database.Factory.CreateDbContextAsync();
        var other = new NoressUser { Id = Guid.NewGuid(), FullName = "Youssef Alami", UserName = "y@noress.test", Email = "y@noress.test", InstitutionId = institutionId };
        db.Users.Add(other);
        db.Add(new MouSignature { InstitutionId = institutionId, Status = MouStatus.Countersigned, SignedOn = today.AddYears(-1), CountersignedOn = today.AddYears(-1), ExpiresOn = today.AddYears(1) });
        db.Add(new RepresentativeMandate { InstitutionId = institutionId, UserId = UserId, Role = RepresentativeRole.Titular, StartsOn = today.AddDays(-30), CreatedAt = now });
        var session = new Session { Id = sessionId, Title = "Session plénière", Place = "Tanger", StartsAt = now, EndsAt = now.AddHours(2), State = SessionState.Open, CreatedAt = now };
        var item = new AgendaItem { SessionId = sessionId, Position = 1, Kind = AgendaItemKind.Election, Title = "Élections", EstimatedMinutes = 30 };
        db.AddRange(session, item);
        db.Add(new SessionAttendance { SessionId = sessionId, Convocation = 1, InstitutionId = institutionId, CheckedInAt = now });
        var election = new SessionElection
        {
            Id = electionId,
            SessionId = sessionId,
            AgendaItemId = item.Id,
            Title = "Coordination",
            Kind = ElectionKind.SecretariatPosition,
            SecretariatPosition = SecretariatPosition.Coordinator,
            Seats = 1,
            Ballot = BallotKind.Secret,
            AbsoluteRounds = 2,
            CreatedAt = now,
        };
        db.Add(election);
        if (candidates)
        {
            db.AddRange(new ElectionCandidate { ElectionId = electionId, PersonId = UserId, CreatedAt = now }, new ElectionCandidate { ElectionId = electionId, PersonId = other.Id, CreatedAt = now });
        }

        var round = new ElectionRound { ElectionId = electionId, Number = 1, Seats = 1, Absolute = true, OpenedAt = now };
        if (openRound)
        {
            (election.State, election.Rounds) = (ElectionState.RoundOpen, 1);
            db.Add(round);
        }

        await db.SaveChangesAsync();
        // Signed in after seeding: the audit trail would name the test person before their row exists.
        await SignInAsAsync(role);
        return round.Id;
    }
}
