using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Documents;

/// <summary>
/// Two app nodes on one database (two hosts, each with its own authority); on PostgreSQL with one Redis server
/// between them (run with ./test.sh). Pushes that race for a version on the unique key are rebased, never refused (ADR 0046).
/// </summary>
public sealed class TwoNodeDocumentTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RacingPushesOnSameVersion_BothAccepted(DatabaseProvider provider)
    {
        await using var nodes = await Nodes.StartAsync(provider);
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(nodes.A, "abc");
        await using var onA = await DocumentHubClient.ConnectAsync(nodes.A, "secretariat@noress.demo");
        await using var onB = await DocumentHubClient.ConnectAsync(nodes.B, "admin@noress.demo");
        await onA.JoinAsync(id);
        await onB.JoinAsync(id);

        var results = await Task.WhenAll(
            onA.PushAsync(id, 0, DocumentHubClient.Update("a", """[3,[0,"A"]]""")),
            onB.PushAsync(id, 0, DocumentHubClient.Update("b", """[3,[0,"B"]]""")));

        Assert.All(results, r => Assert.True(r.Accepted));
        var textA = (await onA.JoinAsync(id)).Text;
        var textB = (await onB.JoinAsync(id)).Text;
        Assert.Equal(textA, textB);
        Assert.Contains(textA, new[] { "abcAB", "abcBA" });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EditorsOnTwoNodes_PushConcurrently_NoPushRefused_SameTextOnBothNodes(DatabaseProvider provider)
    {
        await using var nodes = await Nodes.StartAsync(provider);
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(nodes.A, "0123456789");
        await using var onA = await DocumentHubClient.ConnectAsync(nodes.A, "secretariat@noress.demo");
        await using var onB = await DocumentHubClient.ConnectAsync(nodes.B, "admin@noress.demo");
        await onA.JoinAsync(id);
        await onB.JoinAsync(id);

        // Each editor pushes one edit after the other, each on the text it last learned: most land on an old version.
        var editors = await Task.WhenAll(TypeAsync(onA, id, "a", 25), TypeAsync(onB, id, "b", 25));

        var textA = (await onA.JoinAsync(id)).Text;
        var textB = (await onB.JoinAsync(id)).Text;
        Assert.Equal(textA, textB);
        Assert.Equal(10 + 50, textA.Length);
        var stored = await onA.InvokeAsync<List<UpdateDto>>("Pull", id, 0);
        Assert.Equal(50, stored.Count);
        Assert.Equal(textA, stored.Aggregate("0123456789", (text, update) => ChangeSet.Parse(update.Changes.GetRawText()).Apply(text)));
        // Each editor's own view (its answers and the updates before them) is the stored text at the version it last saw.
        foreach (var (version, text) in editors)
        {
            Assert.Equal(stored.Take(version).Aggregate("0123456789", (current, update) => ChangeSet.Parse(update.Changes.GetRawText()).Apply(current)), text);
        }
    }

    // An editor without local edits in flight: each push is made on its last known text. Stored as sent, the answer
    // brings it to the server's version; rebased, the answer holds its update's stored form only and the others' before
    // it come in the broadcasts (ADR 0060), here a pull. Returns its last version and text.
    private static async Task<(int Version, string Text)> TypeAsync(HubConnection connection, Guid id, string clientId, int count)
    {
        var version = 0;
        var text = "0123456789";
        for (var i = 0; i < count; i++)
        {
            var position = (i * 7) % (text.Length + 1);
            var changes = ChangeSet.Of(text.Length, position, position, clientId);
            var result = await connection.PushAsync(id, version, new UpdateDto { ClientId = string.Create(CultureInfo.InvariantCulture, $"{clientId}{i}"), Changes = changes.ToJsonElement() });
            Assert.True(result.Accepted, $"push {i} of {clientId} refused: {result.Error}");
            Assert.Null(result.Error);
            if (result.Updates is null)
            {
                text = changes.Apply(text);
            }
            else
            {
                var since = (await connection.InvokeAsync<List<UpdateDto>>("Pull", id, version)).Take(result.Version - version).ToList();
                Assert.Equal(result.Version - version, since.Count);
                Assert.Equal(Assert.Single(result.Updates).Changes.GetRawText(), since[^1].Changes.GetRawText());
                text = since.Aggregate(text, (current, update) => ChangeSet.Parse(update.Changes.GetRawText()).Apply(current));
            }

            version = result.Version;
        }

        return (version, text);
    }

    private sealed class Nodes : IAsyncDisposable
    {
        private Nodes(NoressAppFactory a, NoressAppFactory b)
        {
            A = a;
            B = b;
        }

        public NoressAppFactory A { get; }

        public NoressAppFactory B { get; }

        public static Task<Nodes> StartAsync(DatabaseProvider provider)
        {
            var channelPrefix = $"noress-test-{Guid.NewGuid():N}";
            var a = new NoressAppFactory(provider);
            var b = NoressAppFactory.OnExistingDatabase(provider, a.ConnectionString);
            if (provider == DatabaseProvider.PostgreSql)
            {
                a.WithRedisBus(channelPrefix);
                b.WithRedisBus(channelPrefix);
            }

            _ = a.Services;
            _ = b.Services;
            return Task.FromResult(new Nodes(a, b));
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }
}
