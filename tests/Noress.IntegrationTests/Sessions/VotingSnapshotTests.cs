using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Sessions;

/// <summary>
/// Ballots judged on a node's snapshot of voting rights (ADR 0052): a right revoked refuses the very next ballot, on the
/// node that revoked it and on another node of the same database, whether that node hears the session's events (the
/// Redis bus) or not (then only the rights stamp checked by the group commit stands between the ballot and the count).
/// </summary>
public sealed class VotingSnapshotTests
{
    public enum Nodes
    {
        /// <summary>Revoked and cast on the same node.</summary>
        One,

        /// <summary>Cast on a second node joined to the first by the Redis bus.</summary>
        TwoWithBus,

        /// <summary>Cast on a second node that hears nothing of the first: only the database's stamp tells it.</summary>
        TwoDeaf,
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, Nodes.One)]
    [InlineData(DatabaseProvider.Sqlite, Nodes.TwoWithBus)]
    [InlineData(DatabaseProvider.Sqlite, Nodes.TwoDeaf)]
    [InlineData(DatabaseProvider.PostgreSql, Nodes.One)]
    [InlineData(DatabaseProvider.PostgreSql, Nodes.TwoWithBus)]
    [InlineData(DatabaseProvider.PostgreSql, Nodes.TwoDeaf)]
    public async Task CastAsync_RightAfterEachKindOfRevocation_IsRefusedEvenWithAWarmSnapshot(DatabaseProvider provider, Nodes nodes)
    {
        await using var host = await SessionsTestHost.StartAsync(provider, twoNodes: nodes != Nodes.One, redisBus: nodes == Nodes.TwoWithBus);
        var voting = host.Second ?? host.Factory;
        var sessionId = await host.OpenPlenaryAsync();
        var ids = host.Institutions.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Value).ToList();
        var (leaves, suspended, replaced, grantor, holder) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        var warmUps = ids[5..9];
        await host.CheckInAsync(sessionId, [leaves, suspended, replaced, holder, .. warmUps]);
        var proxyId = SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(a => a.GrantProxyAsync(host.Secretariat, sessionId, grantor, holder, "Lettre du président", default)));
        SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(a => a.ReviewProxyAsync(host.Secretariat, proxyId, true, default)));
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        var today = NoressClock.Today(TimeProvider.System);

        // Each revocation on the first node, then a ballot on the voting node holding a snapshot from before it; the caster is
        // the institution's representative, or the proxy holder's for the grantor.
        var revocations = new (Guid Warm, Func<Task> Revoke, Guid Caster, Guid Institution, string Expected)[]
        {
            (warmUps[0], () => Ok(host.WithAsync<AttendanceService, Outcome<Guid>>(a => a.CheckOutAsync(host.Secretariat, sessionId, leaves, default))),
                leaves, leaves, "Error.NotCheckedIn"),
            (warmUps[1], () => Ok(host.WithAsync<InstitutionService, Outcome<Guid>>(s => s.ChangeStatusAsync(host.Secretariat, suspended, MembershipStatus.Suspended, today, "Cotisation impayée", default))),
                suspended, suspended, "Error.InstitutionSuspended"),
            (warmUps[2], async () =>
                {
                    var mandateId = await MandateOfAsync(host, replaced);
                    await Ok(host.WithAsync<RepresentativeService, Outcome<Guid>>(s => s.EndAsync(host.Secretariat, mandateId, today, default)));
                },
                replaced, replaced, "Error.NoProxy"),
            (warmUps[3], () => host.CheckInAsync(sessionId, [grantor]), holder, grantor, "Error.NotCheckedIn"),
        };
        foreach (var (warm, revoke, caster, institution, expected) in revocations)
        {
            SessionsTestHost.Ok(await CastAsync(host, voting, host.Representatives[warm], voteId, warm));
            // That ballot may have found the last snapshot stale and dropped it: the voting node takes one now, before the revocation.
            await voting.Services.GetRequiredService<VotingSnapshots>().WarmAsync(sessionId);
            var before = await StampAsync(host);

            await revoke();
            var refused = await CastAsync(host, voting, host.Representatives[caster], voteId, institution);

            Assert.Equal(expected, refused.Refusal?.Code);
            Assert.NotEqual(before, await StampAsync(host));
        }

        // Rights that still stand keep voting once the snapshots were found stale.
        SessionsTestHost.Ok(await CastAsync(host, voting, host.Representatives[grantor], voteId, grantor));
        SessionsTestHost.Ok(await CastAsync(host, voting, host.Representatives[holder], voteId, holder));
        await using var db = await host.DbAsync();
        Assert.Equal(6, (await db.Set<Vote>().SingleAsync(v => v.Id == voteId)).Participations);
        Assert.Equal(6, await db.Set<VoteParticipation>().CountAsync(p => p.VoteId == voteId));
        Assert.Equal(6, await db.Set<SecretBallot>().CountAsync(b => b.VoteId == voteId));
    }

    [Fact]
    public async Task Stamp_MovesWithCheckInsAndProxiesButNotWithTheCurrentAgendaItem()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        var (ads, odco) = (host.Institutions["ADS"], host.Institutions["ODCO"]);
        var initial = await StampAsync(host);

        await host.CheckInAsync(sessionId, [ads]);
        var afterCheckIn = await StampAsync(host);
        SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(a => a.GrantProxyAsync(host.Secretariat, sessionId, odco, ads, "Lettre", default)));
        var afterProxy = await StampAsync(host);
        await using (var db = await host.DbAsync())
        {
            var item = await db.Set<AgendaItem>().Where(a => a.SessionId == sessionId).Select(a => a.Id).FirstAsync();
            SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.SetCurrentItemAsync(host.Secretariat, sessionId, item, default)));
        }

        Assert.NotEqual(initial, afterCheckIn);
        Assert.NotEqual(afterCheckIn, afterProxy);
        Assert.Equal(afterProxy, await StampAsync(host));
    }

    [Fact]
    public async Task CastAsync_DuplicatesThroughTheSnapshot_AreRefusedAsAlreadyVoted()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        var ads = host.Institutions["ADS"];
        await host.CheckInAsync(sessionId, [ads]);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Open);

        SessionsTestHost.Ok(await CastAsync(host, host.Factory, host.Representatives[ads], voteId, ads));
        var again = await CastAsync(host, host.Factory, host.Representatives[ads], voteId, ads);

        Assert.Equal("Error.AlreadyVoted", again.Refusal?.Code);
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CloseAsync(host.Secretariat, voteId, default)));
        Assert.Equal("Error.VoteClosed", (await CastAsync(host, host.Factory, host.Representatives[ads], voteId, ads)).Refusal?.Code);
    }

    private static Task<Outcome<Guid>> CastAsync(SessionsTestHost host, NoressAppFactory node, System.Security.Claims.ClaimsPrincipal user, Guid voteId, Guid institutionId) =>
        host.WithAsync<VoteService, Outcome<Guid>>(v => v.CastAsync(user, voteId, institutionId, VoteChoice.For, default), node);

    private static async Task Ok(Task<Outcome<Guid>> outcome) => SessionsTestHost.Ok(await outcome);

    private static async Task<Guid> StampAsync(SessionsTestHost host)
    {
        await using var db = await host.DbAsync();
        return await db.Set<VotingRightsStamp>().Select(s => s.Value).SingleAsync();
    }

    private static async Task<Guid> MandateOfAsync(SessionsTestHost host, Guid institutionId)
    {
        var userId = App.Sessions.SessionsAccess.UserId(host.Representatives[institutionId]);
        await using var db = await host.DbAsync();
        return await db.Set<RepresentativeMandate>().Where(m => m.InstitutionId == institutionId && m.UserId == userId).Select(m => m.Id).SingleAsync();
    }
}
