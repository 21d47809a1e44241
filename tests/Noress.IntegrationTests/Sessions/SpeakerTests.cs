using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Data;
using Noress.App.Sessions;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Speakers;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;
using Noress.App.Shared.Time;

namespace Noress.IntegrationTests.Sessions;

/// <summary>The speakers' list (issue 10 §7) through its service: who may ask, the queue's order, one speech at a time, races.</summary>
public sealed class SpeakerTests : IAsyncLifetime
{
    private SessionsTestHost host = null!;

    public async Task InitializeAsync() => host = await SessionsTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task AskAsync_Twice_IsRefusedAndOneRequestStays()
    {
        var (sessionId, itemId) = await OpenWithItemAsync();
        var ads = host.Institutions["ADS"];
        await host.CheckInAsync(sessionId, [ads]);

        var first = await AskAsync(host.Representatives[ads], sessionId, itemId, ads);
        var second = await AskAsync(host.Representatives[ads], sessionId, itemId, ads);
        var bySecretariat = await AskAsync(host.Secretariat, sessionId, itemId, ads);

        SessionsTestHost.Ok(first);
        Assert.Equal("Error.Speakers.AlreadyAsked", second.Refusal?.Code);
        Assert.Equal("Error.Speakers.AlreadyAsked", bySecretariat.Refusal?.Code);
        Assert.False(string.IsNullOrWhiteSpace(second.Error));
        Assert.Equal(1, await CountAsync(itemId));
    }

    [Fact]
    public async Task AskAsync_NotCheckedInOrForAnotherInstitution_IsRefusedAndNothingStored()
    {
        var (sessionId, itemId) = await OpenWithItemAsync();
        var (ads, odco) = (host.Institutions["ADS"], host.Institutions["ODCO"]);
        await host.CheckInAsync(sessionId, [odco]);

        var notCheckedIn = await AskAsync(host.Representatives[ads], sessionId, itemId, ads);
        var secretariatForAbsent = await AskAsync(host.Secretariat, sessionId, itemId, ads);
        var forAnother = await AskAsync(host.Representatives[ads], sessionId, itemId, odco);
        var wrongItem = await AskAsync(host.Representatives[odco], sessionId, Guid.NewGuid(), odco);

        Assert.Equal("Error.Speakers.NotCheckedIn", notCheckedIn.Refusal?.Code);
        Assert.Equal("Error.Speakers.NotCheckedIn", secretariatForAbsent.Refusal?.Code);
        Assert.Equal("Error.NotRepresentative", forAnother.Refusal?.Code);
        Assert.Equal("Error.NotFound", wrongItem.Refusal?.Code);
        Assert.Equal(0, await CountAsync(itemId));
    }

    [Fact]
    public async Task AskAsync_SessionNotOpen_IsRefused()
    {
        var sessionId = await host.DraftPlenaryAsync();
        var itemId = SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.AddAgendaItemAsync(host.Secretariat, sessionId, AgendaItemKind.Deliberation, "Budget", 20, default)));

        var refused = await AskAsync(host.Secretariat, sessionId, itemId, host.Institutions["ADS"]);

        Assert.Equal("Error.Speakers.SessionNotOpen", refused.Refusal?.Code);
        Assert.Equal(0, await CountAsync(itemId));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AskAsync_ManyAtOnceOnTwoNodes_EachInstitutionOnceWithDistinctPositions(DatabaseProvider provider)
    {
        await using var twoNodes = await SessionsTestHost.StartAsync(provider, twoNodes: true);
        var sessionId = await twoNodes.OpenPlenaryAsync();
        var itemId = await ItemAsync(twoNodes, sessionId);
        var institutions = twoNodes.Representatives.Keys.Take(8).ToList();
        await twoNodes.CheckInAsync(sessionId, institutions);

        // Each institution asks twice at the same instant, once through each node.
        var asks = institutions.SelectMany(id => new[] { (Id: id, Node: twoNodes.Factory), (Id: id, Node: twoNodes.Second!) });
        var results = await Task.WhenAll(asks.Select(a => Task.Run(() =>
            twoNodes.WithAsync<SpeakerService, Outcome<Guid>>(s => s.AskAsync(twoNodes.Representatives[a.Id], sessionId, itemId, a.Id, default), a.Node))));

        Assert.Equal(institutions.Count, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("Error.Speakers.AlreadyAsked", r.Refusal?.Code));
        await using var db = await twoNodes.DbAsync();
        var rows = await db.Set<FloorRequest>().Where(r => r.AgendaItemId == itemId).ToListAsync();
        Assert.Equal(institutions.Order(), rows.Select(r => r.InstitutionId).Order());
        Assert.Equal(rows.Count, rows.Select(r => r.Position).Distinct().Count());
    }

    [Fact]
    public async Task StartAsync_WhileAnotherSpeaks_IsRefused_AndTwoStartsAtOnceGiveOneSpeaker()
    {
        var (sessionId, itemId) = await OpenWithItemAsync();
        var ids = await QueueAsync(sessionId, itemId, "ADS", "ODCO", "UAE");

        var starts = await Task.WhenAll(ids.Take(2).Select(id => Task.Run(() => Speakers(s => s.StartAsync(host.Secretariat, id, null, default)))));
        var third = await Speakers(s => s.StartAsync(host.Secretariat, ids[2], null, default));

        Assert.Single(starts, r => r.Succeeded);
        Assert.Equal("Error.Speakers.SomeoneSpeaking", Assert.Single(starts, r => !r.Succeeded).Refusal?.Code);
        Assert.Equal("Error.Speakers.SomeoneSpeaking", third.Refusal?.Code);
        await using (var db = await host.DbAsync())
        {
            Assert.Equal(1, await db.Set<FloorRequest>().CountAsync(r => r.SessionId == sessionId && r.State == FloorState.Speaking));
        }

        var speaking = starts.Single(r => r.Succeeded).Value;
        SessionsTestHost.Ok(await Speakers(s => s.EndAsync(host.Secretariat, speaking, default)));
        Assert.Equal("Error.Speakers.NotSpeaking", (await Speakers(s => s.EndAsync(host.Secretariat, speaking, default))).Refusal?.Code);
        Assert.Equal("Error.Speakers.NotWaiting", (await Speakers(s => s.StartAsync(host.Secretariat, speaking, null, default))).Refusal?.Code);
        SessionsTestHost.Ok(await Speakers(s => s.StartAsync(host.Secretariat, ids[2], 90, default)));
    }

    [Fact]
    public async Task Speech_StartAndEnd_RecordsTimesAndTheAllottedTime()
    {
        var (sessionId, itemId) = await OpenWithItemAsync();
        var id = (await QueueAsync(sessionId, itemId, "ADS"))[0];

        Assert.Equal("Error.Speakers.Time", (await Speakers(s => s.StartAsync(host.Secretariat, id, 5, default))).Refusal?.Code);
        SessionsTestHost.Ok(await Speakers(s => s.StartAsync(host.Secretariat, id, 120, default)));
        SessionsTestHost.Ok(await Speakers(s => s.SetTimeAsync(host.Secretariat, id, 180, default)));
        var board = await Speakers(s => s.BoardAsync(host.Secretariat, sessionId, itemId, default));
        SessionsTestHost.Ok(await Speakers(s => s.EndAsync(host.Secretariat, id, default)));

        Assert.Equal((id, FloorState.Speaking, 180), (board!.Speaking!.Id, board.Speaking.State, board.Speaking.AllottedSeconds));
        Assert.Equal("Représentant ADS", board.Speaking.Person);
        Assert.Equal("ADS", board.Speaking.Institution);
        await using var db = await host.DbAsync();
        var row = await db.Set<FloorRequest>().SingleAsync(r => r.Id == id);
        Assert.Equal(FloorState.Done, row.State);
        Assert.NotNull(row.StartedAt);
        Assert.True(row.EndedAt >= row.StartedAt);
        Assert.Null(row.SpeakingSessionId);
        Assert.Null(row.OpenInstitutionId);
    }

    [Fact]
    public async Task AskAsync_TakesTheDefaultTimeFromTheRules_AndMayAskAgainAfterSpeaking()
    {
        var today = NoressClock.Today(TimeProvider.System);
        SessionsTestHost.Ok(await host.WithAsync<RuleParameterService, Outcome<Guid>>(s => s.SetAsync(host.Secretariat, RuleKey.SpeakingSeconds, "240", "Art. 8", today, default)));
        var (sessionId, itemId) = await OpenWithItemAsync();
        var ads = host.Institutions["ADS"];
        var id = (await QueueAsync(sessionId, itemId, "ADS"))[0];
        SessionsTestHost.Ok(await Speakers(s => s.StartAsync(host.Secretariat, id, null, default)));
        SessionsTestHost.Ok(await Speakers(s => s.EndAsync(host.Secretariat, id, default)));

        var again = await AskAsync(host.Representatives[ads], sessionId, itemId, ads);

        SessionsTestHost.Ok(again);
        await using var db = await host.DbAsync();
        Assert.Equal(240, (await db.Set<FloorRequest>().SingleAsync(r => r.Id == id)).AllottedSeconds);
        Assert.Equal(2, await CountAsync(itemId));
    }

    [Fact]
    public async Task ReorderAsync_SetsTheOrder_AndAStaleListIsRefused()
    {
        var (sessionId, itemId) = await OpenWithItemAsync();
        var ids = await QueueAsync(sessionId, itemId, "ADS", "ODCO", "UAE");

        SessionsTestHost.Ok(await Speakers(s => s.ReorderAsync(host.Secretariat, itemId, [ids[2], ids[0], ids[1]], default)));
        var board = await Speakers(s => s.BoardAsync(host.Representatives[host.Institutions["ADS"]], sessionId, itemId, default));
        var mine = await Speakers(s => s.MineAsync(host.Representatives[host.Institutions["ADS"]], sessionId, itemId, default));
        var stale = await Speakers(s => s.ReorderAsync(host.Secretariat, itemId, [ids[0], ids[1]], default));

        Assert.Equal([ids[2], ids[0], ids[1]], board!.Waiting.Select(e => e.Id));
        Assert.Equal([1, 2, 3], board.Waiting.Select(e => e.Rank));
        Assert.Empty(board.Candidates);
        Assert.Equal((2, 3), (mine!.Request!.Rank, mine.Waiting));
        Assert.True(mine.CheckedIn);
        Assert.Equal("Error.Speakers.QueueChanged", stale.Refusal?.Code);
        var after = await Speakers(s => s.BoardAsync(host.Secretariat, sessionId, itemId, default));
        Assert.Equal([ids[2], ids[0], ids[1]], after!.Waiting.Select(e => e.Id));
    }

    [Fact]
    public async Task WithdrawAsync_ByItsRepresentativeOrTheSecretariat_NotByAnotherInstitution()
    {
        var (sessionId, itemId) = await OpenWithItemAsync();
        var ids = await QueueAsync(sessionId, itemId, "ADS", "ODCO");
        var (ads, odco) = (host.Institutions["ADS"], host.Institutions["ODCO"]);

        var byAnother = await Speakers(s => s.WithdrawAsync(host.Representatives[odco], ids[0], default));
        var byOwn = await Speakers(s => s.WithdrawAsync(host.Representatives[ads], ids[0], default));
        var twice = await Speakers(s => s.WithdrawAsync(host.Representatives[ads], ids[0], default));
        var bySecretariat = await Speakers(s => s.WithdrawAsync(host.Secretariat, ids[1], default));

        Assert.Equal("Error.NotRepresentative", byAnother.Refusal?.Code);
        SessionsTestHost.Ok(byOwn);
        Assert.Equal("Error.Speakers.NotWaiting", twice.Refusal?.Code);
        SessionsTestHost.Ok(bySecretariat);
        Assert.Empty((await Speakers(s => s.BoardAsync(host.Secretariat, sessionId, itemId, default)))!.Waiting);
    }

    [Fact]
    public async Task SecretariatOnlySteps_FromARepresentative_Throw()
    {
        var (sessionId, itemId) = await OpenWithItemAsync();
        var id = (await QueueAsync(sessionId, itemId, "ADS"))[0];
        var rep = host.Representatives[host.Institutions["ADS"]];

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Speakers(s => s.StartAsync(rep, id, null, default)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Speakers(s => s.ReorderAsync(rep, itemId, [id], default)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Speakers(s => s.SetTimeAsync(rep, id, 60, default)));
    }

    [Fact]
    public async Task EveryChange_IsAnnouncedOnTheSessionTopic_RefusalsAreNot()
    {
        var (sessionId, itemId) = await OpenWithItemAsync();
        var ads = host.Institutions["ADS"];
        await host.CheckInAsync(sessionId, [ads]);
        var heard = new ConcurrentQueue<BusEvent>();
        using var subscription = host.Factory.Services.GetRequiredService<IEventBus>().Subscribe(Topics.Session(sessionId), e =>
        {
            heard.Enqueue(e);
            return Task.CompletedTask;
        });

        var id = SessionsTestHost.Ok(await AskAsync(host.Representatives[ads], sessionId, itemId, ads));
        Assert.False((await AskAsync(host.Representatives[ads], sessionId, itemId, ads)).Succeeded);
        SessionsTestHost.Ok(await Speakers(s => s.ReorderAsync(host.Secretariat, itemId, [id], default)));
        SessionsTestHost.Ok(await Speakers(s => s.StartAsync(host.Secretariat, id, null, default)));
        SessionsTestHost.Ok(await Speakers(s => s.SetTimeAsync(host.Secretariat, id, 300, default)));
        Assert.False((await Speakers(s => s.StartAsync(host.Secretariat, id, null, default))).Succeeded);
        SessionsTestHost.Ok(await Speakers(s => s.EndAsync(host.Secretariat, id, default)));

        Assert.Equal(Enumerable.Repeat(SessionEvents.Speakers, 5), heard.Select(e => e.Kind));
    }

    private async Task<(Guid SessionId, Guid ItemId)> OpenWithItemAsync()
    {
        var sessionId = await host.OpenPlenaryAsync();
        return (sessionId, await ItemAsync(host, sessionId));
    }

    private static async Task<Guid> ItemAsync(SessionsTestHost on, Guid sessionId)
    {
        await using var db = await on.DbAsync();
        return await db.Set<AgendaItem>().Where(a => a.SessionId == sessionId).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Checks the institutions in and has each representative ask, in that order; returns the request ids.</summary>
    private async Task<IReadOnlyList<Guid>> QueueAsync(Guid sessionId, Guid itemId, params string[] acronyms)
    {
        var institutions = acronyms.Select(a => host.Institutions[a]).ToList();
        await host.CheckInAsync(sessionId, institutions);
        var ids = new List<Guid>();
        foreach (var id in institutions)
        {
            ids.Add(SessionsTestHost.Ok(await AskAsync(host.Representatives[id], sessionId, itemId, id)));
        }

        return ids;
    }

    private Task<Outcome<Guid>> AskAsync(ClaimsPrincipal caller, Guid sessionId, Guid itemId, Guid institutionId) =>
        Speakers(s => s.AskAsync(caller, sessionId, itemId, institutionId, default));

    private Task<T> Speakers<T>(Func<SpeakerService, Task<T>> action) => host.WithAsync(action);

    private async Task<int> CountAsync(Guid itemId)
    {
        await using var db = await host.DbAsync();
        return await db.Set<FloorRequest>().CountAsync(r => r.AgendaItemId == itemId);
    }
}
