using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Minutes;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Sessions;

/// <summary>An institution that leaves the room: marked absent again, its history kept, frozen quorums and cast ballots untouched.</summary>
public sealed class CheckOutTests
{
    [Fact]
    public async Task CheckOutAsync_BySecretariat_MarksAbsentLogsTheDepartureAndAllowsCheckingInAgain()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        var (ads, odco) = (host.Institutions["ADS"], host.Institutions["ODCO"]);
        await host.CheckInAsync(sessionId, [ads, odco]);

        SessionsTestHost.Ok(await CheckOutAsync(host, host.Secretariat, sessionId, ads));

        var roster = await host.WithAsync<AttendanceService, IReadOnlyList<AttendanceRow>>(a => a.RosterAsync(host.Secretariat, sessionId, default));
        Assert.Equal(AttendanceMark.Absent, roster.Single(r => r.InstitutionId == ads).Mark);
        Assert.Equal(1, (await host.WithAsync<AttendanceService, QuorumStatus>(a => a.QuorumAsync(sessionId, default))).Present);
        Assert.Equal("Error.NotPresent", (await CheckOutAsync(host, host.Secretariat, sessionId, ads)).Refusal?.Code);

        await host.CheckInAsync(sessionId, [ads]);

        await using var db = await host.DbAsync();
        Assert.Equal([AttendanceMove.Arrived, AttendanceMove.Left, AttendanceMove.Arrived],
            (await db.Set<AttendanceMovement>().Where(m => m.SessionId == sessionId && m.InstitutionId == ads).ToListAsync()).OrderBy(m => m.At).Select(m => m.Move));
        Assert.True(await db.Set<SessionAttendance>().AnyAsync(a => a.SessionId == sessionId && a.InstitutionId == ads));
    }

    [Fact]
    public async Task CheckOutAsync_DuringAnOpenVote_KeepsItsFrozenQuorumAndTheBallotCast_ButNoLaterBallot()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        var (ads, odco) = (host.Institutions["ADS"], host.Institutions["ODCO"]);
        await host.CheckInAsync(sessionId, [ads, odco]);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CastAsync(host.Representatives[ads], voteId, ads, VoteChoice.For, default)));

        SessionsTestHost.Ok(await CheckOutAsync(host, host.Secretariat, sessionId, ads));
        SessionsTestHost.Ok(await CheckOutAsync(host, host.Secretariat, sessionId, odco));
        var late = await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CastAsync(host.Representatives[odco], voteId, odco, VoteChoice.Against, default));

        Assert.Equal("Error.NotCheckedIn", late.Refusal?.Code);
        await using var db = await host.DbAsync();
        var vote = await db.Set<Vote>().SingleAsync(v => v.Id == voteId);
        Assert.Equal((2, 1), (vote.PresentAtOpening, vote.Participations));
        Assert.Equal(1, await db.Set<SecretBallot>().CountAsync(b => b.VoteId == voteId));
        Assert.Equal(0, (await host.WithAsync<AttendanceService, QuorumStatus>(a => a.QuorumAsync(sessionId, default))).Present);
    }

    [Fact]
    public async Task CheckOutAsync_ByARepresentative_OnlyTheirOwnAndOnlyWhenTheSessionAllowsSelfCheckIn()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var selfService = await host.OpenPlenaryAsync(allowSelfCheckIn: true);
        var kept = await host.OpenPlenaryAsync();
        var (ads, odco) = (host.Institutions["ADS"], host.Institutions["ODCO"]);
        await host.CheckInAsync(selfService, [ads, odco]);
        await host.CheckInAsync(kept, [ads]);

        var others = await CheckOutAsync(host, host.Representatives[odco], selfService, ads);
        var notAllowed = await CheckOutAsync(host, host.Representatives[ads], kept, ads);
        var own = await CheckOutAsync(host, host.Representatives[ads], selfService, ads);

        Assert.Equal("Error.NotRepresentative", others.Refusal?.Code);
        Assert.Equal("Error.NoSelfCheckIn", notAllowed.Refusal?.Code);
        Assert.True(own.Succeeded, own.Error);
        await using var db = await host.DbAsync();
        var left = await db.Set<AttendanceMovement>().SingleAsync(m => m.SessionId == selfService && m.Move == AttendanceMove.Left);
        Assert.Equal(ads, left.InstitutionId);
        Assert.NotNull(left.ById);
        Assert.True(await db.Set<SessionAttendance>().AnyAsync(a => a.SessionId == kept && a.InstitutionId == ads));
    }

    [Fact]
    public async Task CloseAsync_AfterADeparture_MinutesNameWhoLeftAndCheckOutIsThenRefused()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        var (ads, odco) = (host.Institutions["ADS"], host.Institutions["ODCO"]);
        await host.CheckInAsync(sessionId, [ads, odco]);
        SessionsTestHost.Ok(await CheckOutAsync(host, host.Secretariat, sessionId, ads));

        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, sessionId, default)));

        Assert.Equal("Error.SessionNotRunning", (await CheckOutAsync(host, host.Secretariat, sessionId, odco)).Refusal?.Code);
        var minutes = await host.WithAsync<MinutesService, MinutesView?>(s => s.GetAsync(host.Secretariat, sessionId, default));
        var french = (await host.Factory.Services.GetRequiredService<DocumentAuthority>().GetHeadAsync(minutes!.Minutes.FrenchDocumentId))!.Text;
        Assert.Contains("Institutions présentes (1)", french, StringComparison.Ordinal);
        Assert.Contains("Institutions parties avant la clôture (1)\u00a0:", french, StringComparison.Ordinal);
        Assert.Contains("ADS", french[french.IndexOf("Institutions parties", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("arrivée à", french, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CheckOutAsync_SameInstitutionOnTwoNodesAtOnce_LeavesOnceAndLogsOneDeparture(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider, twoNodes: true);
        var sessionId = await host.OpenPlenaryAsync();
        var institutions = host.Institutions.Values.Take(2).ToList();
        await host.CheckInAsync(sessionId, institutions);

        // Each institution is marked as leaving twice at once, once through each node (every departure is audited,
        // and the audit chain takes a handful of simultaneous writers: people at a console, not a flood).
        var attempts = institutions.SelectMany(id => new[] { (Id: id, Node: host.Factory), (Id: id, Node: host.Second!) });
        var results = await Task.WhenAll(attempts.Select(a => Task.Run(() => CheckOutAsync(host, host.Secretariat, sessionId, a.Id, a.Node))));

        Assert.Equal(2, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("Error.NotPresent", r.Refusal?.Code));
        await using var db = await host.DbAsync();
        Assert.False(await db.Set<SessionAttendance>().AnyAsync(a => a.SessionId == sessionId));
        Assert.Equal(2, await db.Set<AttendanceMovement>().CountAsync(m => m.SessionId == sessionId && m.Move == AttendanceMove.Left));
        Assert.Equal(institutions.Order(), (await db.Set<AttendanceMovement>().Where(m => m.SessionId == sessionId && m.Move == AttendanceMove.Left).Select(m => m.InstitutionId).ToListAsync()).Order());
    }

    private static Task<Outcome<Guid>> CheckOutAsync(SessionsTestHost host, System.Security.Claims.ClaimsPrincipal user, Guid sessionId, Guid institutionId, NoressAppFactory? node = null) =>
        host.WithAsync<AttendanceService, Outcome<Guid>>(a => a.CheckOutAsync(user, sessionId, institutionId, default), node);
}
