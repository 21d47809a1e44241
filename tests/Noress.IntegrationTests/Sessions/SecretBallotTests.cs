using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Noress.App.Data;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;

using Noress.App.Shared.Operations;

namespace Noress.IntegrationTests.Sessions;

/// <summary>One vote per institution under load on two nodes, and ballots that cannot be joined to their voters.</summary>
public sealed class SecretBallotTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CastAsync_35InstitutionsFiveDuplicatesEachOnTwoNodes_CountsExactly35(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider, twoNodes: true);
        var sessionId = await host.OpenPlenaryAsync();
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        var institutions = host.Representatives.Keys.ToList();
        Assert.Equal(35, institutions.Count);

        // Each institution submits five times at once, alternately through each node.
        var submissions = institutions.SelectMany((id, index) => Enumerable.Range(0, 5).Select(attempt => (Id: id, Node: attempt % 2 == 0 ? host.Factory : host.Second!, Choice: (VoteChoice)(index % 3))));
        var results = await Task.WhenAll(submissions.Select(s => Task.Run(() =>
            host.WithAsync<VoteService, Outcome<Guid>>(v => v.CastAsync(host.Representatives[s.Id], voteId, s.Id, s.Choice, default), s.Node))));

        Assert.Equal(35, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("Error.AlreadyVoted", r.Refusal?.Code));
        await using (var db = await host.DbAsync())
        {
            Assert.Equal(35, await db.Set<VoteParticipation>().CountAsync(p => p.VoteId == voteId));
            Assert.Equal(35, await db.Set<SecretBallot>().CountAsync(b => b.VoteId == voteId));
            Assert.Equal(35, (await db.Set<Vote>().SingleAsync(v => v.Id == voteId)).Participations);
        }

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CloseAsync(host.Secretariat, voteId, default), host.Second));

        await using var after = await host.DbAsync();
        var vote = await after.Set<Vote>().SingleAsync(v => v.Id == voteId);
        Assert.Equal((12, 12, 11), (vote.For!.Value, vote.Against!.Value, vote.Abstain!.Value));
        Assert.Equal(35, await after.Set<SecretBallot>().CountAsync(b => b.VoteId == voteId));
        Assert.Equal(35, await after.Set<VoteParticipation>().CountAsync(p => p.VoteId == voteId));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SecretBallots_Schema_HasNothingThatLinksToAVoterOrToTime(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        await using var db = await host.DbAsync();
        var ballot = db.Model.FindEntityType(typeof(SecretBallot))!;

        Assert.Equal(["Choice", "Id", "VoteId"], ballot.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal));
        Assert.Equal(["Votes"], ballot.GetForeignKeys().Select(f => f.PrincipalEntityType.GetTableName()));
        Assert.All(ballot.GetIndexes(), i => Assert.Equal(["VoteId"], i.Properties.Select(p => p.Name)));
        Assert.Equal(ValueGenerated.Never, ballot.FindPrimaryKey()!.Properties.Single().ValueGenerated);

        // The database itself, as migrated: the same columns, nothing else.
        var columns = await ColumnsAsync(db, provider);
        Assert.Equal(["Choice", "Id", "VoteId"], columns.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(columns, c => c.Contains("Institution", StringComparison.OrdinalIgnoreCase) || c.Contains("User", StringComparison.OrdinalIgnoreCase)
            || c.Contains("At", StringComparison.Ordinal) || c.Contains("Sequence", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SecretBallots_Ids_AreRandomAndDoNotFollowTheOrderOfCasting(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var sessionId = await host.OpenPlenaryAsync();
        await host.CheckInAsync(sessionId, host.Representatives.Keys);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        foreach (var (institution, principal) in host.Representatives)
        {
            SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CastAsync(principal, voteId, institution, VoteChoice.For, default)));
        }

        await using (var db = await host.DbAsync())
        {
            var ids = await db.Set<SecretBallot>().Where(b => b.VoteId == voteId).Select(b => b.Id).ToListAsync();
            Assert.All(ids, id => Assert.Equal(4, id.Version));
            // 35 random ids: sorted by chance once in 35! orders.
            Assert.NotEqual(ids.Order().ToList(), ids);
            Assert.NotEqual(ids.OrderBy(i => i.ToString()).ToList(), ids);
        }

        var beforeClose = await PhysicalOrderAsync(host, provider, voteId);
        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(v => v.CloseAsync(host.Secretariat, voteId, default)));
        var afterClose = await PhysicalOrderAsync(host, provider, voteId);

        // Closing rewrites the ballots under new ids: none of the ids that existed while voting remains.
        Assert.Equal(35, afterClose.Count);
        Assert.Empty(afterClose.Intersect(beforeClose));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task VoteParticipations_TheDatabaseItselfRefusesASecondRowForTheSameInstitution(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var sessionId = await host.OpenPlenaryAsync();
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        var ads = host.Institutions["ADS"];
        await using (var db = await host.DbAsync())
        {
            db.Add(new VoteParticipation { VoteId = voteId, InstitutionId = ads });
            await db.SaveChangesAsync();
        }

        // Bypassing the service entirely: a second context, as another node would be.
        await using var other = await host.DbAsync();
        other.Add(new VoteParticipation { VoteId = voteId, InstitutionId = ads });

        await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync());
    }

    private static async Task<List<Guid>> PhysicalOrderAsync(SessionsTestHost host, DatabaseProvider provider, Guid voteId)
    {
        await using var db = await host.DbAsync();
        var sql = provider == DatabaseProvider.Sqlite
            ? $"SELECT \"Id\" AS \"Value\" FROM \"SecretBallots\" WHERE \"VoteId\" = '{voteId.ToString().ToUpperInvariant()}' ORDER BY rowid"
            : $"SELECT \"Id\" AS \"Value\" FROM \"SecretBallots\" WHERE \"VoteId\" = '{voteId}' ORDER BY ctid";
        return await db.Database.SqlQueryRaw<Guid>(sql).ToListAsync();
    }

    private static async Task<List<string>> ColumnsAsync(NoressDbContext db, DatabaseProvider provider)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? "SELECT name AS \"Value\" FROM pragma_table_info('SecretBallots')"
            : "SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_name = 'SecretBallots'";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }
}
