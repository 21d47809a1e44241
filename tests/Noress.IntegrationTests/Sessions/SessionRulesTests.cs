using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calendar;
using Noress.App.Committees;
using Noress.App.Documents;
using Noress.App.Members;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Sessions;

/// <summary>Sessions end to end through the services: convocations, quorum, proxies, votes, and every refusal leaving nothing behind.</summary>
public sealed class SessionRulesTests : IAsyncLifetime
{
    private SessionsTestHost host = null!;

    public async Task InitializeAsync() => host = await SessionsTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ConveneAsync_WithoutAgendaOrPlace_IsRefusedAndNothingSent()
    {
        var noPlace = await host.DraftPlenaryAsync(place: null);
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.AddAgendaItemAsync(host.Secretariat, noPlace, AgendaItemKind.Information, "Point", 10, default)));
        var noAgenda = await host.DraftPlenaryAsync();

        var placeError = await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, noPlace, default));
        var agendaError = await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, noAgenda, default));

        Assert.Equal("Error.NoPlace", placeError.Refusal?.Code);
        Assert.Equal("Error.NoAgenda", agendaError.Refusal?.Code);
        await using var db = await host.DbAsync();
        // The demo data holds a convened plenary of its own; only this test's sessions matter.
        Assert.All(await db.Set<Session>().Where(s => s.Id == noPlace || s.Id == noAgenda).ToListAsync(), s => Assert.Equal(SessionState.Draft, s.State));
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Category == "sessions"));
    }

    [Fact]
    public async Task ConveneRescheduleCancel_MailEachRepresentative_WithOneInvitationUidAndARisingSequence()
    {
        var sessionId = await host.DraftPlenaryAsync();
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.AddAgendaItemAsync(host.Secretariat, sessionId, AgendaItemKind.Deliberation, "Budget", 20, default)));

        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, sessionId, default)));
        var session = await host.WithAsync<SessionService, Session?>(s => s.FindAsync(host.Secretariat, sessionId, default));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.RescheduleAsync(host.Secretariat, sessionId, session!.StartsAt.AddDays(1), session.EndsAt.AddDays(1), null, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.CancelAsync(host.Secretariat, sessionId, default)));

        await using var db = await host.DbAsync();
        var mails = await db.OutboxMessages.Include(m => m.Attachments).Where(m => m.Category == "sessions").ToListAsync();
        var recipients = mails.Select(m => m.ToAddress).Distinct().ToList();
        // Every institution's titular (the test's) and the demo alternates in force.
        Assert.True(recipients.Count >= 35);
        Assert.All(host.Institutions.Keys, acronym => Assert.Contains($"rep.{acronym.ToLowerInvariant()}@sessions.test", recipients));
        var ics = mails.Where(m => m.ToAddress == "rep.ads@sessions.test").Select(m => System.Text.Encoding.UTF8.GetString(m.Attachments.Single().Content)).ToList();
        Assert.Equal(3, ics.Count);
        Assert.All(ics, text => Assert.Contains($"UID:session.{sessionId:N}@noress", text, StringComparison.Ordinal));
        Assert.Single(ics, text => text.Contains("METHOD:REQUEST", StringComparison.Ordinal) && text.Contains("SEQUENCE:0", StringComparison.Ordinal));
        Assert.Single(ics, text => text.Contains("METHOD:REQUEST", StringComparison.Ordinal) && text.Contains("SEQUENCE:1", StringComparison.Ordinal));
        Assert.Single(ics, text => text.Contains("METHOD:CANCEL", StringComparison.Ordinal) && text.Contains("SEQUENCE:2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CalendarSource_ListsTheConvenedSession_ForItsInstitutionsAndTheSecretariat()
    {
        var sessionId = await host.OpenPlenaryAsync();
        var source = host.WithAsync<IEnumerable<ICalendarSource>, IReadOnlyList<CalendarEntry>>(sources =>
            sources.Single(s => s.Kind == "session").ListAsync(DateTime.UtcNow, DateTime.UtcNow.AddDays(3), default));

        var entry = Assert.Single(await source, e => e.Key == sessionId.ToString("N"));

        Assert.True(entry.Audience.Secretariat);
        Assert.Contains(host.Institutions["ADS"], entry.Audience.Institutions);
        await using var db = await host.DbAsync();
        Assert.Equal([-7, -1], await db.ReminderRules.Where(r => r.SourceKind == "session").Select(r => r.OffsetDays).OrderBy(d => d).ToListAsync());
    }

    [Fact]
    public async Task Quorum_CountsPresentAndValidatedProxies_AndIsFrozenWithTheVote()
    {
        var sessionId = await host.OpenPlenaryAsync();
        var ids = host.Institutions.Values.ToList();
        await host.CheckInAsync(sessionId, ids.Take(17));
        var proxy = SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(s => s.GrantProxyAsync(host.Representatives[ids[20]], sessionId, ids[20], ids[0], "Lettre du directeur", default)));

        var pending = await host.WithAsync<AttendanceService, QuorumStatus>(s => s.QuorumAsync(sessionId, default));
        SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(s => s.ReviewProxyAsync(host.Secretariat, proxy, validate: true, default)));
        var validated = await host.WithAsync<AttendanceService, QuorumStatus>(s => s.QuorumAsync(sessionId, default));

        Assert.Equal((35, 17, 0, 18, false), (pending.Members, pending.Present, pending.Represented, pending.Required, pending.Reached));
        Assert.Equal((17, 1, true), (validated.Present, validated.Represented, validated.Reached));

        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Open);
        await using var db = await host.DbAsync();
        var vote = await db.Set<Vote>().SingleAsync(v => v.Id == voteId);
        Assert.Equal((35, 17, 1, 18, true), (vote.MembersAtOpening, vote.PresentAtOpening, vote.RepresentedAtOpening, vote.QuorumRequiredAtOpening, vote.QuorumReachedAtOpening));
        Assert.Equal("Art. 11", vote.MajorityArticle);
    }

    [Fact]
    public async Task OpenVote_ProxyHolderVotesForTheGrantor_NamesShownOnlyAfterClose_VerdictFrozen()
    {
        var sessionId = await host.OpenPlenaryAsync();
        var (ads, odco, uae) = (host.Institutions["ADS"], host.Institutions["ODCO"], host.Institutions["UAE"]);
        await host.CheckInAsync(sessionId, [ads, odco]);
        var proxy = SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(s => s.GrantProxyAsync(host.Secretariat, sessionId, uae, ads, null, default)));
        SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(s => s.ReviewProxyAsync(host.Secretariat, proxy, validate: true, default)));
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Open);

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[ads], voteId, ads, VoteChoice.For, default)));
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[ads], voteId, uae, VoteChoice.For, default)));
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[odco], voteId, odco, VoteChoice.Against, default)));
        var whileOpen = await host.WithAsync<VoteService, VoteView?>(s => s.GetAsync(host.Representatives[odco], voteId, default));
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, voteId, default)));
        var closed = await host.WithAsync<VoteService, VoteView?>(s => s.GetAsync(host.Representatives[odco], voteId, default));

        Assert.Null(whileOpen!.Vote.For);
        Assert.Empty(whileOpen.Names);
        Assert.Equal(3, whileOpen.Vote.Participations);
        Assert.Equal((2, 1, 0), (closed!.Vote.For, closed.Vote.Against, closed.Vote.Abstain));
        Assert.Equal(Verdict.Adopted, closed.Vote.Verdict);
        Assert.Equal(3, closed.Vote.BaseCount);
        // Two present and one represented of 35: closed, but marked as without quorum.
        Assert.True(closed.Vote.ClosedWithoutQuorum);
        Assert.Equal(["ADS", "ODCO", "UAE"], closed.Names.Select(n => n.Institution));
    }

    [Fact]
    public async Task EveryChange_IsAnnouncedOnTheSessionTopic_RefusalsAreNot()
    {
        var sessionId = await host.OpenPlenaryAsync();
        var ads = host.Institutions["ADS"];
        var heard = new System.Collections.Concurrent.ConcurrentQueue<BusEvent>();
        using var subscription = host.Factory.Services.GetRequiredService<IEventBus>().Subscribe(Topics.Session(sessionId), e =>
        {
            heard.Enqueue(e);
            return Task.CompletedTask;
        });

        await host.CheckInAsync(sessionId, [ads]);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[ads], voteId, ads, VoteChoice.For, default)));
        Assert.False((await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[ads], voteId, ads, VoteChoice.For, default))).Succeeded);
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, voteId, default)));

        Assert.Equal(
            [SessionEvents.Attendance, SessionEvents.Vote, SessionEvents.Vote, SessionEvents.Vote],
            heard.Select(e => e.Kind));
        Assert.Equal(
            [new VoteSignal(voteId, VoteState.Open, 0), new VoteSignal(voteId, VoteState.Open, 1), new VoteSignal(voteId, VoteState.Closed, 1)],
            heard.Skip(1).Select(e => VoteSignal.Parse(e.Payload)));
    }

    [Fact]
    public async Task Refusals_EachWithItsMessage_AndNothingRecorded()
    {
        var sessionId = await host.OpenPlenaryAsync();
        var (ads, odco, uae) = (host.Institutions["ADS"], host.Institutions["ODCO"], host.Institutions["UAE"]);
        await host.CheckInAsync(sessionId, [ads, odco, uae]);
        var rep = host.Representatives[ads];

        // No vote open.
        Assert.Equal("Error.NoOpenVote", (await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(rep, Guid.NewGuid(), ads, VoteChoice.For, default))).Refusal?.Code);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(rep, voteId, ads, VoteChoice.For, default)));
        // Twice.
        Assert.Equal("Error.AlreadyVoted", (await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(rep, voteId, ads, VoteChoice.Against, default))).Refusal?.Code);
        // For another institution without a validated proxy (a pending one does not count).
        SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(s => s.GrantProxyAsync(host.Secretariat, sessionId, odco, ads, null, default)));
        Assert.Equal("Error.NoProxy", (await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(rep, voteId, odco, VoteChoice.For, default))).Refusal?.Code);
        // A suspended institution.
        await using (var db = await host.DbAsync())
        {
            var institution = await db.Institutions.SingleAsync(i => i.Id == uae);
            (institution.Status, institution.SuspendedOn) = (MembershipStatus.Suspended, new DateOnly(2026, 1, 1));
            await db.SaveChangesAsync();
        }

        Assert.Equal("Error.InstitutionSuspended", (await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[uae], voteId, uae, VoteChoice.For, default))).Refusal?.Code);
        // Closing twice, and voting after the close.
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, voteId, default)));
        Assert.Equal("Error.VoteAlreadyClosed", (await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, voteId, default))).Refusal?.Code);
        Assert.Equal("Error.VoteClosed", (await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[odco], voteId, odco, VoteChoice.For, default))).Refusal?.Code);

        await using var after = await host.DbAsync();
        var vote = await after.Set<Vote>().SingleAsync(v => v.Id == voteId);
        Assert.Equal((1, 1, 0, 0), (vote.Participations, vote.For!.Value, vote.Against!.Value, vote.Abstain!.Value));
        Assert.Equal(1, await after.Set<SecretBallot>().CountAsync(b => b.VoteId == voteId));
        Assert.Equal(1, await after.Set<VoteParticipation>().CountAsync(p => p.VoteId == voteId));
    }

    [Fact]
    public async Task ReviewProxyAsync_BeyondTheCap_IsRefused()
    {
        var sessionId = await host.OpenPlenaryAsync();
        var ids = host.Institutions.Values.ToList();
        var first = SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(s => s.GrantProxyAsync(host.Secretariat, sessionId, ids[1], ids[0], null, default)));
        var second = SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(s => s.GrantProxyAsync(host.Secretariat, sessionId, ids[2], ids[0], null, default)));
        SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(s => s.ReviewProxyAsync(host.Secretariat, first, validate: true, default)));

        var refused = await host.WithAsync<AttendanceService, Outcome<Guid>>(s => s.ReviewProxyAsync(host.Secretariat, second, validate: true, default));

        Assert.Equal("Error.TooManyProxies", refused.Refusal?.Code);
        await using var db = await host.DbAsync();
        Assert.Equal(ProxyStatus.Pending, (await db.Set<SessionProxy>().SingleAsync(p => p.Id == second)).Status);
    }

    [Fact]
    public async Task OverrideVerdictAsync_NeedsAReason_AndIsAudited()
    {
        var sessionId = await host.OpenPlenaryAsync();
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Open);
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, voteId, default)));

        var noReason = await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OverrideVerdictAsync(host.Secretariat, voteId, Verdict.Adopted, "  ", default));
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.OverrideVerdictAsync(host.Secretariat, voteId, Verdict.Adopted, "Erreur matérielle constatée en séance.", default)));

        Assert.Equal("Error.OverrideReason", noReason.Refusal?.Code);
        await using var db = await host.DbAsync();
        var vote = await db.Set<Vote>().SingleAsync(v => v.Id == voteId);
        Assert.Equal((Verdict.Rejected, Verdict.Adopted), (vote.ComputedVerdict!.Value, vote.Verdict!.Value));
        Assert.Contains(await db.AuditEntries.Where(a => a.EntityType == nameof(Vote)).Select(a => a.Changes).ToListAsync(),
            changes => changes.Contains("OverrideReason", StringComparison.Ordinal) && changes.Contains("Erreur mat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconvene_WithoutQuorum_SecondConvocationLowersTheQuorum()
    {
        var sessionId = await host.OpenPlenaryAsync();
        await host.CheckInAsync(sessionId, host.Institutions.Values.Take(12));
        var first = await host.WithAsync<AttendanceService, QuorumStatus>(s => s.QuorumAsync(sessionId, default));
        var session = await host.WithAsync<SessionService, Session?>(s => s.FindAsync(host.Secretariat, sessionId, default));

        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ReconveneAsync(host.Secretariat, sessionId, session!.StartsAt.AddDays(7), session.EndsAt.AddDays(7), default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.OpenAsync(host.Secretariat, sessionId, default)));
        await host.CheckInAsync(sessionId, host.Institutions.Values.Take(12));
        var second = await host.WithAsync<AttendanceService, QuorumStatus>(s => s.QuorumAsync(sessionId, default));

        Assert.False(first.Reached);
        Assert.Equal((2, 12, true), (second.Convocation, second.Required, second.Reached));
        Assert.Equal("Error.AlreadySecondConvocation", (await host.WithAsync<SessionService, Outcome<Guid>>(s => s.ReconveneAsync(host.Secretariat, sessionId, session!.StartsAt.AddDays(14), session.EndsAt.AddDays(14), default))).Refusal?.Code);
    }

    [Fact]
    public async Task SessionPage_ShowsTheAgendaAndTheQuorumBanner()
    {
        var sessionId = await host.OpenPlenaryAsync();
        await host.CheckInAsync(sessionId, host.Institutions.Values.Take(18));
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");

        var html = await client.GetStringAsync($"/sessions/{sessionId:N}");

        Assert.Contains("data-testid=\"quorum-banner\"", html, StringComparison.Ordinal);
        Assert.Contains("Quorum atteint", html, StringComparison.Ordinal);
        Assert.Contains("Plan d&#x27;action 2027", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitteeSeat_GivesThePeopleOfTheInstitutionCommitteeDocumentRights()
    {
        await using var db = await host.DbAsync();
        // Not the financing committee: the demo data seats the member's institution there.
        var committee = await db.Committees.FirstAsync(c => c.Code == "observation");
        var member = await host.PrincipalAsync("member@noress.demo");
        var ads = host.Institutions["ADS"];
        var document = await db.Documents.FirstAsync(d => d.SpaceKind == DocumentSpaceKind.Committee && d.SpaceId == committee.Id);
        var before = await host.WithAsync<DocumentService, DocumentAccess?>(s => s.GetAccessAsync(member, document.Id, default));

        SessionsTestHost.Ok(await host.WithAsync<CommitteeService, Outcome<Guid>>(s => s.SeatAsync(host.Secretariat, committee.Id, ads, new DateOnly(2020, 1, 1), null, default)));
        var after = await host.WithAsync<DocumentService, DocumentAccess?>(s => s.GetAccessAsync(member, document.Id, default));

        Assert.NotEqual(DocumentRight.Edit, before!.Right);
        Assert.Equal(DocumentRight.Edit, after!.Right);
        Assert.Equal("Error.SeatOverlap", (await host.WithAsync<CommitteeService, Outcome<Guid>>(s => s.SeatAsync(host.Secretariat, committee.Id, ads, new DateOnly(2024, 1, 1), null, default))).Refusal?.Code);
    }
}
