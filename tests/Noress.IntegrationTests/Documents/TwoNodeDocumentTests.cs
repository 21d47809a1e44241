using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Documents;

/// <summary>Two app nodes on one PostgreSQL database and one Redis server (run with ./test.sh).</summary>
public sealed class TwoNodeDocumentTests : IAsyncLifetime
{
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
    public async Task RacingPushesOnSameVersion_ExactlyOneAccepted()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(nodeA, "abc");
        await using var onA = await DocumentHubClient.ConnectAsync(nodeA, "secretariat@noress.demo");
        await using var onB = await DocumentHubClient.ConnectAsync(nodeB, "admin@noress.demo");
        await onA.JoinAsync(id);
        await onB.JoinAsync(id);

        var results = await Task.WhenAll(
            onA.PushAsync(id, 0, DocumentHubClient.Update("a", """[3,[0,"A"]]""")),
            onB.PushAsync(id, 0, DocumentHubClient.Update("b", """[3,[0,"B"]]""")));

        Assert.Single(results, r => r.Accepted);
        var loser = Assert.Single(results, r => !r.Accepted);
        Assert.Null(loser.Error);
        var textA = (await onA.JoinAsync(id)).Text;
        var textB = (await onB.JoinAsync(id)).Text;
        Assert.Equal(textA, textB);
        Assert.Contains(textA, new[] { "abcA", "abcB" });
    }
}
