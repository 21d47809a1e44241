using Noress.App.Documents;

namespace Noress.Tests.Documents;

/// <summary>Property: whatever the interleaving of edits, deliveries, refusals and disconnects, every client ends with the authority's text.</summary>
public sealed class ConvergenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task RandomConcurrentEdits_AllClientsConverge(int seed)
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
        var refusedMalformed = 0;

        for (var step = 0; step < 300; step++)
        {
            var client = clients[random.Next(clients.Count)];
            switch (random.Next(10))
            {
                case < 4:
                    client.Edit(RandomEdits.Change(random, client.Text.Length));
                    break;
                case < 6 when client.Connected:
                    await PushAsync(authority, id, client, clients, random);
                    break;
                case < 8 when client.Connected && client.Inbox.Count > 0:
                    Deliver(client, client.Inbox.Dequeue());
                    break;
                case 8 when client.Connected && random.Next(3) == 0:
                    client.Connected = false;
                    client.Inbox.Clear();
                    break;
                case 8 when !client.Connected:
                    client.Connected = true;
                    client.Receive(await authority.PullAsync(id, client.Version));
                    break;
                case 9:
                    // A malformed update (wrong length) is refused and changes nothing.
                    var head = await authority.GetHeadAsync(id);
                    var bad = ChangeSet.Of(head!.Text.Length + 1, 0, 0, "x");
                    var outcome = await authority.PushAsync(id, head.Version, [new IncomingUpdate("bad", bad.ToJsonElement())], Guid.Empty);
                    Assert.Equal(PushStatus.Malformed, outcome.Status);
                    Assert.Equal(head, await authority.GetHeadAsync(id));
                    refusedMalformed++;
                    break;
            }
        }

        // Everyone reconnects and syncs until nothing is left unconfirmed.
        foreach (var client in clients)
        {
            client.Connected = true;
            client.Inbox.Clear();
        }

        for (var round = 0; clients.Any(c => c.Unconfirmed.Count > 0); round++)
        {
            Assert.True(round < 100, "no convergence after 100 rounds");
            foreach (var client in clients)
            {
                await PushAsync(authority, id, client, clients, random);
            }
        }

        var final = await authority.GetHeadAsync(id);
        foreach (var client in clients)
        {
            client.Receive(await authority.PullAsync(id, client.Version));
            Assert.Equal(final!.Text, client.Text);
            Assert.Equal(final.Version, client.Version);
        }
    }

    private static async Task PushAsync(DocumentAuthority authority, Guid id, SimulatedClient client, List<SimulatedClient> clients, Random random)
    {
        if (client.Unconfirmed.Count == 0)
        {
            return;
        }

        var outcome = await authority.PushAsync(id, client.Version, client.Sendable(random.Next(1, client.Unconfirmed.Count + 1)), Guid.Empty);
        if (outcome.Status == PushStatus.Accepted)
        {
            foreach (var other in clients.Where(c => c.Connected))
            {
                other.Inbox.Enqueue(outcome.Accepted);
            }
        }
        else
        {
            Assert.Equal(PushStatus.Stale, outcome.Status);
            client.Receive(await authority.PullAsync(id, client.Version));
        }
    }

    private static void Deliver(SimulatedClient client, IReadOnlyList<AcceptedUpdate> updates)
    {
        // Broadcasts behind a pull are partly known already; Receive skips what the client has.
        if (updates[^1].Version > client.Version && updates[0].Version > client.Version + 1)
        {
            throw new InvalidOperationException("a broadcast arrived with a gap");
        }

        client.Receive(updates);
    }
}
