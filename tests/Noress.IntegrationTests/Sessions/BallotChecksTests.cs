using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Members.Mou;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;

namespace Noress.IntegrationTests.Sessions;

/// <summary>The checks each ballot makes read only the institutions concerned; they must still refuse what the whole-membership checks refused.</summary>
public sealed class BallotChecksTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CastAsync_NotCheckedInOrNoLongerInGoodStanding_IsRefusedAndNothingCounted(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var sessionId = await host.OpenPlenaryAsync();
        var (present, absent, lapsed) = (host.Institutions["ADS"], host.Institutions["ODCO"], host.Institutions["UAE"]);
        await host.CheckInAsync(sessionId, [present, lapsed]);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Secret);
        await using (var db = await host.DbAsync())
        {
            // The memorandum lapses after the check-in: no vote any more, though still checked in.
            var signature = await db.Set<MouSignature>().SingleAsync(s => s.InstitutionId == lapsed);
            signature.ExpiresOn = NoressClock.Today(TimeProvider.System).AddDays(-1);
            await db.SaveChangesAsync();
        }

        Task<Outcome<Guid>> CastAsync(Guid institution) =>
            host.WithAsync<VoteService, Outcome<Guid>>(v => v.CastAsync(host.Representatives[institution], voteId, institution, VoteChoice.For, default));

        Assert.Equal("Error.NotCheckedIn", (await CastAsync(absent)).Refusal?.Code);
        Assert.Equal("Error.NoVotingRight", (await CastAsync(lapsed)).Refusal?.Code);
        Assert.True((await CastAsync(present)).Succeeded);

        await using var after = await host.DbAsync();
        Assert.Equal([present], await after.Set<VoteParticipation>().Where(p => p.VoteId == voteId).Select(p => p.InstitutionId).ToListAsync());
        Assert.Equal(1, (await after.Set<Vote>().SingleAsync(v => v.Id == voteId)).Participations);
    }
}
