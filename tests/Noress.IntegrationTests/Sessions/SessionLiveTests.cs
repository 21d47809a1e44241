using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.IntegrationTests.Sessions;

/// <summary>What the live screens read and change: the current item, the attendance grid, mandates, who voted, and events across nodes.</summary>
public sealed class SessionLiveTests
{
    // Only guards against a hang when an event never arrives; delivery normally takes milliseconds.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task SetCurrentItemAsync_OnOpenSession_StoresItAndAnnouncesIt()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        var itemId = (await host.WithAsync<SessionService, IReadOnlyList<AgendaItem>>(s => s.AgendaAsync(host.Secretariat, sessionId, default))).Single().Id;
        var announced = new TaskCompletionSource<BusEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = host.Factory.Services.GetRequiredService<IEventBus>().Subscribe(Topics.Session(sessionId), e =>
        {
            if (e.Kind == SessionEvents.CurrentItem)
            {
                announced.TrySetResult(e);
            }

            return Task.CompletedTask;
        });

        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.SetCurrentItemAsync(host.Secretariat, sessionId, itemId, default)));

        await announced.Task.WaitAsync(HangGuard);
        await using var db = await host.DbAsync();
        Assert.Equal(itemId, (await db.Set<Session>().SingleAsync(s => s.Id == sessionId)).CurrentAgendaItemId);
    }

    [Fact]
    public async Task SetCurrentItemAsync_ItemOfAnotherSessionOrSessionNotOpen_IsRefusedAndChangesNothing()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var open = await host.OpenPlenaryAsync();
        var draft = await host.DraftPlenaryAsync();
        var draftItem = SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.AddAgendaItemAsync(host.Secretariat, draft, AgendaItemKind.Information, "Informations", 10, default)));

        var foreign = await host.WithAsync<SessionService, Outcome<Guid>>(s => s.SetCurrentItemAsync(host.Secretariat, open, draftItem, default));
        var notOpen = await host.WithAsync<SessionService, Outcome<Guid>>(s => s.SetCurrentItemAsync(host.Secretariat, draft, draftItem, default));
        var missing = await host.WithAsync<SessionService, Outcome<Guid>>(s => s.SetCurrentItemAsync(host.Secretariat, Guid.NewGuid(), null, default));

        Assert.Equal("Error.AgendaItemNotFound", foreign.Refusal?.Code);
        Assert.Equal("Error.SessionNotOpen", notOpen.Refusal?.Code);
        Assert.Equal("Error.NotFound", missing.Refusal?.Code);
        Assert.False(string.IsNullOrWhiteSpace(foreign.Error));
        await using var db = await host.DbAsync();
        Assert.All(await db.Set<Session>().ToListAsync(), s => Assert.Null(s.CurrentAgendaItemId));
    }

    [Fact]
    public async Task SetCurrentItemAsync_ByAMember_IsForbidden()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        var member = host.Representatives.Values.First();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            host.WithAsync<SessionService, Outcome<Guid>>(s => s.SetCurrentItemAsync(member, sessionId, null, default)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            host.WithAsync<AttendanceService, IReadOnlyList<AttendanceRow>>(s => s.RosterAsync(member, sessionId, default)));
    }

    [Fact]
    public async Task RosterAndMandates_WithAValidatedProxy_ShowPresentRepresentedAbsentAndTheProxyVote()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        var (holder, grantor) = (host.Institutions.Values.ElementAt(0), host.Institutions.Values.ElementAt(1));
        await host.CheckInAsync(sessionId, [holder]);
        var proxyId = SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(a => a.GrantProxyAsync(host.Secretariat, sessionId, grantor, holder, "Lettre du 2 décembre", default)));
        SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(a => a.ReviewProxyAsync(host.Secretariat, proxyId, true, default)));

        var roster = await host.WithAsync<AttendanceService, IReadOnlyList<AttendanceRow>>(a => a.RosterAsync(host.Secretariat, sessionId, default));
        var mandates = await host.WithAsync<AttendanceService, IReadOnlyList<VoterMandate>>(a => a.MandatesAsync(host.Representatives[holder], sessionId, default));

        Assert.Equal(35, roster.Count);
        var holderRow = roster.Single(r => r.InstitutionId == holder);
        var grantorRow = roster.Single(r => r.InstitutionId == grantor);
        Assert.Equal(AttendanceMark.Present, holderRow.Mark);
        Assert.Equal([grantorRow.Acronym], holderRow.ProxiesHeld);
        Assert.Equal(AttendanceMark.Represented, grantorRow.Mark);
        Assert.Equal(holderRow.Acronym, grantorRow.ProxyTo);
        Assert.Equal(33, roster.Count(r => r.Mark == AttendanceMark.Absent));
        Assert.Equal([(holder, (string?)null, true), (grantor, holderRow.Acronym, false)], mandates.Select(m => (m.InstitutionId, m.ByProxyOf, m.CheckedIn)));
    }

    [Fact]
    public async Task VotedAsync_AfterOwnAndProxyBallots_NamesOnlyTheInstitutionsThatVoted()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync();
        var ids = host.Institutions.Values.Take(3).ToList();
        await host.CheckInAsync(sessionId, ids);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CastAsync(host.Representatives[ids[0]], voteId, ids[0], VoteChoice.For, default)));

        var voted = await host.WithAsync<VoteService, IReadOnlySet<Guid>>(v => v.VotedAsync(host.Representatives[ids[1]], voteId, ids, default));

        Assert.Equal([ids[0]], voted);
    }

    [Fact]
    public async Task CheckInAsync_SelfCheckInForAnotherInstitution_IsRefusedAndRecordsNothing()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var sessionId = await host.OpenPlenaryAsync(allowSelfCheckIn: true);
        var (own, other) = (host.Institutions.Values.ElementAt(0), host.Institutions.Values.ElementAt(1));

        var refused = await host.WithAsync<AttendanceService, Outcome<Guid>>(a => a.CheckInAsync(host.Representatives[own], sessionId, other, default));
        var done = await host.WithAsync<AttendanceService, Outcome<Guid>>(a => a.CheckInAsync(host.Representatives[own], sessionId, own, default));

        Assert.Equal("Error.NotRepresentative", refused.Refusal?.Code);
        Assert.True(done.Succeeded, done.Error);
        await using var db = await host.DbAsync();
        Assert.Equal([own], await db.Set<SessionAttendance>().Where(a => a.SessionId == sessionId).Select(a => a.InstitutionId).ToListAsync());
    }

    [Fact]
    public async Task CastAsync_OnNodeA_ReachesASessionScreenOnNodeBWithItsCount()
    {
        await using var host = await SessionsTestHost.StartAsync(twoNodes: true, redisBus: true);
        Assert.IsType<RedisEventBus>(host.Second!.Services.GetRequiredService<IEventBus>());
        var sessionId = await host.OpenPlenaryAsync();
        var voter = host.Institutions.Values.First();
        await host.CheckInAsync(sessionId, [voter]);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Open);
        var counted = new TaskCompletionSource<VoteSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = host.Second.Services.GetRequiredService<IEventBus>().Subscribe(Topics.Session(sessionId), e =>
        {
            if (e.Kind == SessionEvents.Vote && VoteSignal.Parse(e.Payload) is { Participations: 1 } signal)
            {
                counted.TrySetResult(signal);
            }

            return Task.CompletedTask;
        });

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CastAsync(host.Representatives[voter], voteId, voter, VoteChoice.For, default), host.Factory));

        Assert.Equal(new VoteSignal(voteId, VoteState.Open, 1), await counted.Task.WaitAsync(HangGuard));
    }
}
