using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Shared.RealTime;
using Noress.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace Noress.IntegrationTests.Documents;

/// <summary>Document presence across two app nodes on one PostgreSQL database and one Redis server (ADR 0048; run with ./test.sh).</summary>
public sealed class TwoNodePresenceTests : IAsyncLifetime
{
    // A hang guard only: every wait below ends as soon as the awaited message arrives.
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(2);

    private readonly string channelPrefix = $"noress-test-{Guid.NewGuid():N}";
    private NoressAppFactory nodeA = null!;
    private NoressAppFactory nodeB = null!;

    public Task InitializeAsync()
    {
        nodeA = new NoressAppFactory(DatabaseProvider.PostgreSql).WithRedisBus(channelPrefix);
        _ = nodeA.Services;
        nodeB = NoressAppFactory.OnExistingDatabase(DatabaseProvider.PostgreSql, nodeA.ConnectionString).WithRedisBus(channelPrefix);
        _ = nodeB.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await nodeB.DisposeAsync();
        await nodeA.DisposeAsync();
    }

    [Fact]
    public async Task Join_OnSecondNode_SeesAtOnceWhoIsInTheDocumentThroughTheFirst()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(nodeA, "abcdef");
        await using var onA = await DocumentHubClient.ConnectAsync(nodeA, "secretariat@noress.demo");
        await onA.JoinAsync(id);
        await onA.InvokeAsync("UpdatePresence", id, 0, 2, 4);

        await using var onB = await DocumentHubClient.ConnectAsync(nodeB, "admin@noress.demo");
        var snapshot = await onB.JoinAsync(id);

        // Before ADR 0048 node B listed only its own connections: A appeared once A moved.
        var a = Assert.Single(snapshot.Presence);
        Assert.Equal(onA.ConnectionId, a.ConnectionId);
        Assert.Equal((2, 4), (a.Anchor, a.Head));
        Assert.False(string.IsNullOrEmpty(a.UserName));
    }

    [Fact]
    public async Task Leave_OnFirstNode_IsNoLongerListedForJoinersOnTheSecond()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(nodeA, "abc");
        await using var onA = await DocumentHubClient.ConnectAsync(nodeA, "secretariat@noress.demo");
        await onA.JoinAsync(id);
        await onA.InvokeAsync("Leave", id);

        await using var onB = await DocumentHubClient.ConnectAsync(nodeB, "admin@noress.demo");
        var snapshot = await onB.JoinAsync(id);

        Assert.Empty(snapshot.Presence);
    }

    [Fact]
    public async Task NodeDiedWithoutAWord_ItsPeopleAreDroppedAndEditorsToldTheyLeft()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(nodeA, "abc");
        // A third node that writes one presence entry and then dies (its key goes as if it had expired).
        var ghost = new SharedDocumentPresence(
            nodeA.Services.GetRequiredService<IConnectionMultiplexer>(),
            nodeA.Services.GetRequiredService<IOptions<RealTimeOptions>>(),
            nodeA.Services.GetRequiredService<IOptions<DocumentOptions>>(),
            NullLogger<SharedDocumentPresence>.Instance);
        await ghost.BeatAsync();
        var ghostPresence = new PresenceDto("ghost-connection", Guid.NewGuid(), "Ghost", "#1565c0", 0, 1, 1);
        await ghost.SetAsync(id, ghostPresence);

        await using var onB = await DocumentHubClient.ConnectAsync(nodeB, "admin@noress.demo");
        var left = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        onB.On<Guid, string>("PresenceLeft", (_, connectionId) => left.TrySetResult(connectionId));
        var whileAlive = await onB.JoinAsync(id);
        Assert.Equal("ghost-connection", Assert.Single(whileAlive.Presence).ConnectionId);

        await ghost.ForgetNodeAsync();
        await nodeB.Services.GetRequiredService<DocumentPresenceNode>().BeatAsync(CancellationToken.None);

        Assert.Equal("ghost-connection", await left.Task.WaitAsync(Hang));
        await using var onA = await DocumentHubClient.ConnectAsync(nodeA, "secretariat@noress.demo");
        var afterDeath = await onA.JoinAsync(id);
        Assert.Equal(onB.ConnectionId, Assert.Single(afterDeath.Presence).ConnectionId);
    }
}
