using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.App.Sessions;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.IntegrationTests.Sessions;

/// <summary>
/// Ballots committed in groups (ADR 0029): still one per institution, a bad ballot refuses only itself, every caller
/// gets its own answer, the live count follows and the audit chain stays intact.
/// </summary>
public sealed class BallotBatchingTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, BallotKind.Secret)]
    [InlineData(DatabaseProvider.Sqlite, BallotKind.Open)]
    [InlineData(DatabaseProvider.PostgreSql, BallotKind.Secret)]
    [InlineData(DatabaseProvider.PostgreSql, BallotKind.Open)]
    public async Task CastAsync_ManyConcurrentBallotsAndDuplicates_CountsExactlyOnePerInstitution(DatabaseProvider provider, BallotKind kind)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var sessionId = await host.OpenPlenaryAsync();
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        var voteId = await host.OpenVoteAsync(sessionId, kind);
        var counts = new ConcurrentBag<int>();
        using var subscription = host.Factory.Services.GetRequiredService<IEventBus>().Subscribe(Topics.Session(sessionId), e =>
        {
            if (e.Kind == SessionEvents.Vote && VoteSignal.Parse(e.Payload) is { State: VoteState.Open } signal && signal.VoteId == voteId)
            {
                counts.Add(signal.Participations);
            }

            return Task.CompletedTask;
        });

        // Every institution three times at once, from three scopes (devices) of one node: the writer groups them.
        var institutions = host.Representatives.Keys.ToList();
        var submissions = institutions.SelectMany((id, index) => Enumerable.Range(0, 3).Select(_ => (Id: id, Choice: (VoteChoice)(index % 3))));
        var results = await Task.WhenAll(submissions.Select(s => Task.Run(() =>
            host.WithAsync<VoteService, (Guid Id, Outcome<Guid> Result)>(async v => (s.Id, await v.CastAsync(host.Representatives[s.Id], voteId, s.Id, s.Choice, default))))));

        Assert.Equal(institutions.Order(), results.Where(r => r.Result.Succeeded).Select(r => r.Id).Order());
        Assert.All(results.Where(r => !r.Result.Succeeded), r => Assert.Equal("Error.AlreadyVoted", r.Result.Refusal?.Code));
        await using (var db = await host.DbAsync())
        {
            var stored = kind == BallotKind.Secret
                ? await db.Set<VoteParticipation>().Where(p => p.VoteId == voteId).Select(p => p.InstitutionId).ToListAsync()
                : await db.Set<OpenVoteChoice>().Where(c => c.VoteId == voteId).Select(c => c.InstitutionId).ToListAsync();
            Assert.Equal(institutions.Order(), stored.Order());
            Assert.Equal(35, (await db.Set<Vote>().SingleAsync(v => v.Id == voteId)).Participations);
            if (kind == BallotKind.Secret)
            {
                Assert.Equal(35, await db.Set<SecretBallot>().CountAsync(b => b.VoteId == voteId));
            }
        }

        // The live count: announced before the callers are answered, never above the votes recorded, up to all of them.
        Assert.NotEmpty(counts);
        Assert.Equal(35, counts.Max());
        Assert.All(counts, c => Assert.InRange(c, 1, 35));

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CloseAsync(host.Secretariat, voteId, default)));
        await using (var after = await host.DbAsync())
        {
            var vote = await after.Set<Vote>().SingleAsync(v => v.Id == voteId);
            Assert.Equal((12, 12, 11), (vote.For!.Value, vote.Against!.Value, vote.Abstain!.Value));
        }

        var verification = await host.Factory.Services.GetRequiredService<AuditMonitor>().VerifyOnlyAsync(full: true, default);
        Assert.True(verification.IsIntact, verification.Break?.ToString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task WriteBatch_ABallotTheDatabaseRefuses_RefusesOnlyThatBallot(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var sessionId = await host.OpenPlenaryAsync();
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        var (ads, odco, uae, earlier) = (host.Institutions["ADS"], host.Institutions["ODCO"], host.Institutions["UAE"], host.Representatives.Keys.First(k => k != host.Institutions["ADS"] && k != host.Institutions["ODCO"] && k != host.Institutions["UAE"]));
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CastAsync(host.Representatives[earlier], voteId, earlier, VoteChoice.Against, default)));

        // One batch: two good ballots, one for an institution that has already voted, one that no check foresees and the
        // database refuses (an institution that does not exist: its foreign key fails), and a good one after it.
        var writer = host.Factory.Services.GetRequiredService<BallotWriter>();
        BallotWriter.Pending Pending(Guid institution, VoteChoice choice) =>
            new(new BallotToWrite(voteId, sessionId, BallotKind.Secret, institution, choice, Guid.NewGuid(), DateTime.UtcNow));
        var batch = new[] { Pending(ads, VoteChoice.For), Pending(earlier, VoteChoice.For), Pending(Guid.NewGuid(), VoteChoice.For), Pending(odco, VoteChoice.Abstain), Pending(uae, VoteChoice.For) };
        await writer.WriteBatchAsync(batch);

        Assert.Null(await batch[0].Result.Task);
        Assert.Equal("Error.AlreadyVoted", await batch[1].Result.Task);
        await Assert.ThrowsAsync<DbUpdateException>(() => batch[2].Result.Task);
        Assert.Null(await batch[3].Result.Task);
        Assert.Null(await batch[4].Result.Task);

        await using var db = await host.DbAsync();
        Assert.Equal(new[] { ads, odco, uae, earlier }.Order(), (await db.Set<VoteParticipation>().Where(p => p.VoteId == voteId).Select(p => p.InstitutionId).ToListAsync()).Order());
        Assert.Equal(
            new[] { VoteChoice.Abstain, VoteChoice.Against, VoteChoice.For, VoteChoice.For }.Order(),
            (await db.Set<SecretBallot>().Where(b => b.VoteId == voteId).Select(b => b.Choice).ToListAsync()).Order());
        Assert.Equal(4, (await db.Set<Vote>().SingleAsync(v => v.Id == voteId)).Participations);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task WriteBatch_TheSameInstitutionFromTwoDevicesInOneBatch_RecordsOneAndRefusesTheOther(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var sessionId = await host.OpenPlenaryAsync();
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Open);
        var (ads, odco) = (host.Institutions["ADS"], host.Institutions["ODCO"]);
        var caster = SessionsAccess.UserId(host.Representatives[ads])!.Value;
        var writer = host.Factory.Services.GetRequiredService<BallotWriter>();
        BallotWriter.Pending Pending(Guid institution, VoteChoice choice) =>
            new(new BallotToWrite(voteId, sessionId, BallotKind.Open, institution, choice, caster, DateTime.UtcNow));
        var batch = new[] { Pending(ads, VoteChoice.Against), Pending(odco, VoteChoice.For), Pending(ads, VoteChoice.For) };

        await writer.WriteBatchAsync(batch);

        var answers = await Task.WhenAll(batch.Select(p => p.Result.Task));
        Assert.Equal([null, null, "Error.AlreadyVoted"], answers.Select(a => a ?? null));
        await using var db = await host.DbAsync();
        var stored = await db.Set<OpenVoteChoice>().Where(c => c.VoteId == voteId).ToDictionaryAsync(c => c.InstitutionId, c => c.Choice);
        Assert.Equal(VoteChoice.Against, stored[ads]);
        Assert.Equal(VoteChoice.For, stored[odco]);
        Assert.Equal(2, stored.Count);
        Assert.Equal(2, (await db.Set<Vote>().SingleAsync(v => v.Id == voteId)).Participations);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task WriteBatch_AfterTheClose_RefusesEveryBallotAndCountsNothing(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var sessionId = await host.OpenPlenaryAsync();
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CloseAsync(host.Secretariat, voteId, default)));
        var writer = host.Factory.Services.GetRequiredService<BallotWriter>();
        var batch = host.Representatives.Keys.Take(3)
            .Select(i => new BallotWriter.Pending(new BallotToWrite(voteId, sessionId, BallotKind.Secret, i, VoteChoice.For, Guid.NewGuid(), DateTime.UtcNow))).ToArray();

        await writer.WriteBatchAsync(batch);

        Assert.All(await Task.WhenAll(batch.Select(p => p.Result.Task)), r => Assert.Equal("Error.VoteClosed", r));
        await using var db = await host.DbAsync();
        Assert.Equal(0, await db.Set<VoteParticipation>().CountAsync(p => p.VoteId == voteId));
        Assert.Equal(0, await db.Set<SecretBallot>().CountAsync(b => b.VoteId == voteId));
        Assert.Equal(0, (await db.Set<Vote>().SingleAsync(v => v.Id == voteId)).Participations);
    }

    [Fact]
    public async Task CastAsync_OnPostgreSql_CommitsOnTheBatchesOwnPoolNotTheSharedOne()
    {
        await using var host = await SessionsTestHost.StartAsync(DatabaseProvider.PostgreSql);
        var sessionId = await host.OpenPlenaryAsync();
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        var institution = host.Representatives.Keys.First();

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CastAsync(host.Representatives[institution], voteId, institution, VoteChoice.For, default)));

        // The pooled connection the batch used stays open, named, on the server; none of the app's other connections has the name.
        await using var db = await host.DbAsync();
        var names = await db.Database.SqlQueryRaw<string>("SELECT application_name AS \"Value\" FROM pg_stat_activity WHERE datname = current_database()").ToListAsync();
        Assert.Contains(BallotWriter.PoolName, names);
        Assert.Contains(names, n => n != BallotWriter.PoolName);
    }
}
