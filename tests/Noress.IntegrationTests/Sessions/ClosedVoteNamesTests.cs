using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Data;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;

namespace Noress.IntegrationTests.Sessions;

/// <summary>The names of a closed open vote, shared by every screen of a node (docs/benchmarks.md, final tally).</summary>
public sealed class ClosedVoteNamesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task GetAsync_ManyScreensAtTheClose_AllGetEveryNameAndARenameShowsAfterTheLifetime(DatabaseProvider provider)
    {
        await using var host = await SessionsTestHost.StartAsync(provider);
        var sessionId = await host.OpenPlenaryAsync();
        var voters = host.Institutions.Values.Take(6).ToList();
        await host.CheckInAsync(sessionId, voters);
        var voteId = await host.OpenVoteAsync(sessionId, BallotKind.Open);
        foreach (var (institution, index) in voters.Select((v, i) => (v, i)))
        {
            SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CastAsync(host.Representatives[institution], voteId, institution, index % 3 == 0 ? VoteChoice.Against : VoteChoice.For, default)));
        }

        SessionsTestHost.Ok(await host.WithAsync<VoteService, Outcome<Guid>>(s => s.CloseAsync(host.Secretariat, voteId, default)));
        var views = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() =>
            host.WithAsync<VoteService, VoteView?>(s => s.GetAsync(host.Secretariat, voteId, default)))));

        string renamed;
        await using (var db = await host.DbAsync())
        {
            var acronyms = await db.Institutions.Where(i => voters.Contains(i.Id)).Select(i => i.Acronym).ToListAsync();
            Assert.All(views, v => Assert.Equal(acronyms.Order(StringComparer.Ordinal), v!.Names.Select(n => n.Institution).Order(StringComparer.Ordinal)));
            Assert.All(views, v => Assert.Equal(2, v!.Names.Count(n => n.Choice == VoteChoice.Against)));
            var first = await db.Institutions.SingleAsync(i => i.Id == voters[0]);
            first.Acronym = renamed = "RENOMMEE";
            await db.SaveChangesAsync();
        }

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var names = new ClosedVoteNames(host.Factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>(), clock);
        var before = await names.GetAsync(voteId, default);
        await using (var db = await host.DbAsync())
        {
            await db.Institutions.Where(i => i.Id == voters[1]).ExecuteUpdateAsync(s => s.SetProperty(i => i.Acronym, "PLUSTARD"));
        }

        var cached = await names.GetAsync(voteId, default);
        clock.Advance(ClosedVoteNames.Lifetime + TimeSpan.FromSeconds(1));
        var reread = await names.GetAsync(voteId, default);

        Assert.Contains(before, n => n.Institution == renamed);
        Assert.DoesNotContain(cached, n => n.Institution == "PLUSTARD");
        Assert.Contains(reread, n => n.Institution == "PLUSTARD");
        Assert.Equal(6, reread.Count);
    }
}
