using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Documents;

namespace Noress.Tests.Documents;

/// <summary>
/// Property: with the authority rebasing stale pushes (ADR 0046), whatever the interleaving of edits, deliveries, lost
/// answers and disconnects, every push is accepted, every client ends with the authority's text, and that text is the
/// replay of the stored updates.
/// </summary>
public sealed class RebaseConvergenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task RandomConcurrentEdits_RebasedOnTheServer_AllClientsConverge(int seed)
    {
        for (var run = 0; run < 20; run++)
        {
            await RunAsync(new Random((seed * 1000) + run));
        }
    }

    private static async Task RunAsync(Random random)
    {
        var initial = RandomEdits.Text(random, 5);
        await using var fixture = await AuthorityFixture.CreateAsync(initial);
        var authority = fixture.Authority;
        var id = fixture.DocumentId;
        var clients = Enumerable.Range(0, random.Next(2, 6)).Select(i => new SimulatedClient($"c{i}", initial, 0)).ToList();
        var uncertain = new HashSet<SimulatedClient>();

        for (var step = 0; step < 300; step++)
        {
            var client = clients[random.Next(clients.Count)];
            switch (random.Next(10))
            {
                case < 4:
                    client.Edit(RandomEdits.Change(random, client.Text.Length));
                    break;
                case < 6 when client.Connected:
                    await PushAsync(authority, id, client, clients, random, uncertain);
                    break;
                case < 8 when client.Connected && client.Inbox.Count > 0:
                    if (uncertain.Remove(client))
                    {
                        // After a lost answer the editor pulls before applying anything else.
                        client.Receive(await authority.PullAsync(id, client.Version));
                    }

                    client.Receive(client.Inbox.Dequeue());
                    break;
                case 8 when client.Connected && random.Next(3) == 0:
                    client.Connected = false;
                    client.Inbox.Clear();
                    break;
                case 8 when !client.Connected:
                    client.Connected = true;
                    uncertain.Remove(client);
                    client.Receive(await authority.PullAsync(id, client.Version));
                    break;
            }
        }

        foreach (var client in clients)
        {
            client.Connected = true;
            client.Inbox.Clear();
            uncertain.Remove(client);
            client.Receive(await authority.PullAsync(id, client.Version));
        }

        for (var round = 0; clients.Any(c => c.Unconfirmed.Count > 0); round++)
        {
            Assert.True(round < 10, "still unconfirmed edits after 10 rounds");
            foreach (var client in clients)
            {
                await PushAsync(authority, id, client, clients, random, uncertain);
                client.Inbox.Clear();
            }
        }

        var final = await authority.GetHeadAsync(id);
        foreach (var client in clients)
        {
            client.Receive(await authority.PullAsync(id, client.Version));
            Assert.Equal(final!.Text, client.Text);
            Assert.Equal(final.Version, client.Version);
        }

        await authority.FlushAsync();
        await using var db = await fixture.Factory.CreateDbContextAsync();
        var stored = await db.DocumentUpdates.Where(u => u.DocumentId == id).OrderBy(u => u.Version).Select(u => u.ChangesJson).ToListAsync();
        Assert.Equal(final!.Version, stored.Count);
        Assert.Equal(final.Text, stored.Aggregate(initial, (text, json) => ChangeSet.Parse(json).Apply(text)));
    }

    private static async Task PushAsync(DocumentAuthority authority, Guid id, SimulatedClient client, List<SimulatedClient> clients, Random random, HashSet<SimulatedClient> uncertain)
    {
        if (client.Unconfirmed.Count == 0)
        {
            return;
        }

        if (uncertain.Remove(client))
        {
            // Half the time the editor pulls first (as the NORESS editor does); otherwise it sends the same again, as
            // the library's client would, and the authority drops what it stored already.
            if (random.Next(2) == 0)
            {
                client.Receive(await authority.PullAsync(id, client.Version));
            }
        }

        var outcome = await authority.PushRebasingAsync(id, client.Version, client.Sendable(random.Next(1, client.Unconfirmed.Count + 1)), Guid.Empty);
        Assert.Equal(PushStatus.Accepted, outcome.Status);
        foreach (var other in clients.Where(c => c.Connected && c != client))
        {
            other.Inbox.Enqueue(outcome.Accepted);
        }

        if (random.Next(5) == 0)
        {
            // The answer is lost on the way.
            uncertain.Add(client);
            return;
        }

        client.Receive(outcome.Since ?? outcome.Accepted);
    }
}

/// <summary>Group commit: pushes that arrive while a commit is in flight go into the next one together, none answered before it is stored.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task PushesArrivingDuringACommit_AreStoredTogetherInTheNextOne_AndAnsweredOnlyAfterIt()
    {
        await using var fixture = await AuthorityFixture.CreateAsync("abc");
        var gated = new GatedFactory(fixture.Factory);
        var authority = fixture.ImmediateAuthority(gated);
        Assert.NotNull(await authority.GetHeadAsync(fixture.DocumentId));

        gated.Hold();
        var first = authority.PushRebasingAsync(fixture.DocumentId, 0, [new IncomingUpdate("first", ChangeSet.Of(3, 0, 0, "<").ToJsonElement())], Guid.Empty);
        await gated.Held;
        var queued = Enumerable.Range(0, 10)
            .Select(i => authority.PushRebasingAsync(fixture.DocumentId, 0, [new IncomingUpdate($"q{i}", ChangeSet.Of(3, 3, 3, i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToJsonElement())], Guid.Empty))
            .ToList();

        Assert.False(first.IsCompleted);
        Assert.All(queued, q => Assert.False(q.IsCompleted));
        gated.Release();
        var outcomes = await Task.WhenAll([first, .. queued]);

        Assert.All(outcomes, o => Assert.Equal(PushStatus.Accepted, o.Status));
        Assert.Equal(Enumerable.Range(1, 11), outcomes.Select(o => o.Version).Order());
        Assert.Equal(2, gated.Contexts);
        var head = await authority.GetHeadAsync(fixture.DocumentId);
        Assert.Equal("<abc0123456789", head!.Text);
    }

    /// <summary>Counts the contexts made after <see cref="Hold"/> (one per commit) and holds the first until <see cref="Release"/>.</summary>
    private sealed class GatedFactory(IDbContextFactory<NoressDbContext> inner) : IDbContextFactory<NoressDbContext>
    {
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool holding;

        public int Contexts { get; private set; }

        public Task Held => held.Task;

        public void Hold() => holding = true;

        public void Release() => released.TrySetResult();

        public NoressDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<NoressDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            if (holding)
            {
                if (Contexts++ == 0)
                {
                    held.TrySetResult();
                    await released.Task;
                }
            }

            return await inner.CreateDbContextAsync(cancellationToken);
        }
    }
}

/// <summary>What the authority still refuses when it rebases.</summary>
public sealed class AuthorityRebaseTests
{
    [Fact]
    public async Task PushRebasingAsync_AnUpdateOfTheWrongLengthOnAnOldVersion_IsMalformedAndChangesNothing()
    {
        await using var fixture = await AuthorityFixture.CreateAsync("abc");
        var authority = fixture.ImmediateAuthority();
        Assert.Equal(PushStatus.Accepted, (await authority.PushRebasingAsync(fixture.DocumentId, 0, [Insert("a", 3, 3, "d")], Guid.Empty)).Status);

        var outcome = await authority.PushRebasingAsync(fixture.DocumentId, 0, [Insert("b", 4, 0, "x")], Guid.Empty);

        Assert.Equal(PushStatus.Malformed, outcome.Status);
        Assert.Equal(new DocumentHead(1, "abcd"), await authority.GetHeadAsync(fixture.DocumentId));
    }

    [Fact]
    public async Task PushAsync_AServicePushOnAnOldVersion_IsStillStale()
    {
        await using var fixture = await AuthorityFixture.CreateAsync("abc");
        var authority = fixture.ImmediateAuthority();
        Assert.Equal(PushStatus.Accepted, (await authority.PushAsync(fixture.DocumentId, 0, [Insert("a", 3, 3, "d")], Guid.Empty)).Status);

        var outcome = await authority.PushAsync(fixture.DocumentId, 0, [Insert("restore", 3, 0, "x")], Guid.Empty);

        Assert.Equal(PushStatus.Stale, outcome.Status);
        Assert.Equal(1, outcome.Version);
    }

    [Fact]
    public async Task PushRebasingAsync_OnAnOldVersion_AnswersEveryUpdateSince_WithItsOwnInStoredForm()
    {
        await using var fixture = await AuthorityFixture.CreateAsync("abc");
        var authority = fixture.ImmediateAuthority();
        await authority.PushRebasingAsync(fixture.DocumentId, 0, [Insert("a", 3, 0, "<")], Guid.Empty);

        var outcome = await authority.PushRebasingAsync(fixture.DocumentId, 0, [Insert("b", 3, 3, "z")], Guid.Empty);

        Assert.Equal(PushStatus.Accepted, outcome.Status);
        Assert.Equal(2, outcome.Version);
        Assert.Equal(["a", "b"], outcome.Since!.Select(u => u.ClientId));
        Assert.Equal("""[4,[0,"z"]]""", outcome.Since![1].ChangesJson);
        Assert.Equal(new DocumentHead(2, "<abcz"), await authority.GetHeadAsync(fixture.DocumentId));
    }

    private static IncomingUpdate Insert(string clientId, int length, int at, string text) =>
        new(clientId, ChangeSet.Of(length, at, at, text).ToJsonElement());
}
