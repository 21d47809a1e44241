using System.IO.Compression;
using System.Text.Json;
using Noress.App.Documents;

namespace Noress.Tests.Documents;

/// <summary>
/// Replays the real two-author traces (josephg/editing-traces) through two simulated collab clients and the authority.
/// Each client makes its agent's transactions locally when it has received exactly the other agent's transactions the
/// trace says it had seen (a version vector); it never receives more.
/// </summary>
/// <remarks>
/// The schedule matters, because the traces' endContent comes from a CRDT that keeps deleted characters as tombstones,
/// while position-based OT (CodeMirror ChangeSets, server first on ties) forgets them. In friendsforever, transactions
/// 22360-22368: agent 1 types " The" right after a "." while agent 0, concurrently, deletes that "." (one transaction)
/// and types ", hu" in its place (four more). The CRDT puts ", hu" (anchored before the tombstone) before " The"
/// (anchored after it). Agent 1 must see the deletion without ", hu" (its transaction 22369 says so), so the deletion
/// reaches it alone and rebasing " The" over it leaves both inserts at one offset; from then on only arrival order
/// decides, and CodeMirror puts what the server already has first. When agent 1's " The" reaches the server first,
/// the text ends with " , hh?u" instead of ", huh? ". This is a genuine merge-algorithm difference, not a ChangeSet bug
/// (Map/Compose follow @codemirror/state's mapSet/composeSets; the client follows receiveUpdates). Neither pushing
/// early for every agent nor late for every agent reproduces that tie, so the replay fixes one schedule: agent 0
/// pushes as early as the trace allows, the other agents push only what another agent needs next (tried by hand:
/// all-early and all-late both end with the transposition). Ties then go to agent 0, which is what
/// the CRDT chose at every such tie in both traces (this test checks it, to the character). Every client still
/// receives only the prefix of the server log the trace says it had seen (the rest is "in flight"), so each
/// transaction is made on exactly the text its parents describe.
/// </remarks>
public sealed class TraceReplayTests
{
    [Theory]
    [InlineData("clownschool.json.gz")]
    [InlineData("friendsforever.json.gz")]
    public async Task ConcurrentTrace_TwoClients_EndWithTraceContent(string file)
    {
        var trace = Trace.Load(file);
        await using var fixture = await AuthorityFixture.CreateAsync(string.Empty);
        var authority = fixture.Authority;
        var id = fixture.DocumentId;
        var clients = Enumerable.Range(0, trace.Agents).Select(a => new SimulatedClient($"agent{a}", string.Empty, 0)).ToArray();
        var made = new int[trace.Agents];
        // The agent behind each accepted version, in server order (serverAgents[v - 1] made version v).
        var serverAgents = new List<int>();

        for (var t = 0; t < trace.Transactions.Count; t++)
        {
            var txn = trace.Transactions[t];
            var a = txn.Agent;
            // Agent 0 pushes what it has as early as the trace allows: it can receive the whole server log (a push
            // needs the head) and no other agent will have to receive more of it than it may see when it pushes.
            if (clients[0].Unconfirmed.Count > 0 && CanReceiveAll(trace, t, 0, serverAgents))
            {
                var count = Math.Min(clients[0].Unconfirmed.Count, PushBound(trace, t, 0) - serverAgents.Count(y => y == 0));
                await PushAsync(authority, id, clients[0], count, serverAgents, 0);
            }

            for (var b = 0; b < trace.Agents; b++)
            {
                if (b == a)
                {
                    continue;
                }

                var needed = trace.Seen[t][b];
                var received = serverAgents.Take(clients[a].Version).Count(x => x == b);
                if (received > needed)
                {
                    throw new InvalidOperationException($"Transaction {t}: client {a} received more of agent {b} than the trace allows.");
                }

                if (received < needed)
                {
                    var confirmed = serverAgents.Count(x => x == b);
                    if (confirmed < needed)
                    {
                        await PushAsync(authority, id, clients[b], needed - confirmed, serverAgents, b);
                    }

                    // Deliver the server log to client a up to agent b's needed-th transaction, no further.
                    var target = IndexOfNth(serverAgents, b, needed) + 1;
                    var updates = await authority.PullAsync(id, clients[a].Version);
                    clients[a].Receive([.. updates.Where(u => u.Version <= target)]);
                }
            }

            if (trace.Seen[t][a] != made[a])
            {
                throw new InvalidOperationException($"Transaction {t} of agent {a} saw {trace.Seen[t][a]} own transactions, not {made[a]}.");
            }

            var client = clients[a];
            // One update per transaction, so counting updates counts transactions.
            var changes = ChangeSet.Empty(client.Text.Length);
            var text = client.Text;
            foreach (var (position, deleted, inserted) in txn.Patches)
            {
                var patch = ChangeSet.Of(text.Length, position, position + deleted, inserted);
                text = patch.Apply(text);
                changes = changes.Compose(patch);
            }

            client.Edit(changes);
            made[a]++;
        }

        for (var a = 0; a < trace.Agents; a++)
        {
            await PushAsync(authority, id, clients[a], int.MaxValue, serverAgents, a);
        }

        var head = await authority.GetHeadAsync(id);
        Assert.Equal(trace.EndContent, head!.Text);
        foreach (var client in clients)
        {
            client.Receive(await authority.PullAsync(id, client.Version));
            Assert.Equal(trace.EndContent, client.Text);
        }
    }

    [Theory]
    [InlineData("automerge-paper.json.gz")]
    [InlineData("seph-blog1.json.gz")]
    public async Task SequentialTrace_OneClient_EndsWithTraceContent(string file)
    {
        using var stream = new GZipStream(File.OpenRead(Trace.Locate(file)), CompressionMode.Decompress);
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var start = root.TryGetProperty("startContent", out var startContent) ? startContent.GetString() ?? string.Empty : string.Empty;
        await using var fixture = await AuthorityFixture.CreateAsync(start);
        var client = new SimulatedClient("author", start, 0);
        foreach (var txn in root.GetProperty("txns").EnumerateArray())
        {
            var changes = ChangeSet.Empty(client.Text.Length);
            var text = client.Text;
            foreach (var p in txn.GetProperty("patches").EnumerateArray())
            {
                var patch = ChangeSet.Of(text.Length, p[0].GetInt32(), p[0].GetInt32() + p[1].GetInt32(), p[2].GetString() ?? string.Empty);
                text = patch.Apply(text);
                changes = changes.Compose(patch);
            }

            client.Edit(changes);
            // Push in groups of transactions (still one update each) to keep the test quick.
            if (client.Unconfirmed.Count == 100)
            {
                await PushAsync(fixture.Authority, fixture.DocumentId, client, int.MaxValue, [], 0);
            }
        }

        await PushAsync(fixture.Authority, fixture.DocumentId, client, int.MaxValue, [], 0);
        var expected = root.GetProperty("endContent").GetString();
        Assert.Equal(expected, client.Text);
        Assert.Equal(expected, (await fixture.Authority.GetHeadAsync(fixture.DocumentId))!.Text);
    }

    // Pushes the client's first `transactions` unconfirmed transactions, pulling and rebasing while refused as stale.
    private static async Task PushAsync(DocumentAuthority authority, Guid id, SimulatedClient client, int transactions, List<int> serverAgents, int agent)
    {
        while (true)
        {
            var count = Math.Min(transactions, client.Unconfirmed.Count);
            if (count <= 0)
            {
                return;
            }

            var outcome = await authority.PushAsync(id, client.Version, client.Sendable(count), Guid.Empty);
            if (outcome.Status == PushStatus.Accepted)
            {
                serverAgents.AddRange(outcome.Accepted.Select(_ => agent));
                client.Receive(outcome.Accepted);
                return;
            }

            Assert.Equal(PushStatus.Stale, outcome.Status);
            client.Receive(await authority.PullAsync(id, client.Version));
        }
    }

    // Whether agent x, before transaction t, may receive every transaction on the server.
    private static bool CanReceiveAll(Trace trace, int t, int x, List<int> serverAgents)
    {
        var next = trace.NextOf(x, t);
        return next < 0 || Enumerable.Range(0, trace.Agents).All(b => b == x || serverAgents.Count(y => y == b) <= trace.Seen[next][b]);
    }

    // How many transactions of agent x the server may hold before transaction t: no more than any other agent may see.
    private static int PushBound(Trace trace, int t, int x)
    {
        var bound = int.MaxValue;
        for (var c = 0; c < trace.Agents; c++)
        {
            var next = trace.NextOf(c, t);
            if (c != x && next >= 0)
            {
                bound = Math.Min(bound, trace.Seen[next][x]);
            }
        }

        return bound;
    }

    private static int IndexOfNth(List<int> agents, int agent, int n)
    {
        for (int i = 0, count = 0; i < agents.Count; i++)
        {
            if (agents[i] == agent && ++count == n)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The server has fewer than {n} transactions of agent {agent}.");
    }

    private sealed record Transaction(int Agent, IReadOnlyList<(int Position, int Deleted, string Inserted)> Patches);

    private sealed class Trace
    {
        public required string EndContent { get; init; }

        public int Agents { get; init; }

        public required List<Transaction> Transactions { get; init; }

        /// <summary>Per transaction, how many transactions of each agent its parents had seen (agents' own histories are sequential).</summary>
        public required List<int[]> Seen { get; init; }

        /// <summary>Per agent and transaction index, the index of the agent's first transaction at or after it, or -1.</summary>
        public required int[][] Next { get; init; }

        public int NextOf(int agent, int t) => Next[agent][t];

        public static Trace Load(string file)
        {
            var path = Locate(file);
            using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            var agents = root.GetProperty("numAgents").GetInt32();
            var transactions = new List<Transaction>();
            var seen = new List<int[]>();
            foreach (var txn in root.GetProperty("txns").EnumerateArray())
            {
                var agent = txn.GetProperty("agent").GetInt32();
                var vector = new int[agents];
                foreach (var parent in txn.GetProperty("parents").EnumerateArray())
                {
                    var p = parent.GetInt32();
                    for (var b = 0; b < agents; b++)
                    {
                        vector[b] = Math.Max(vector[b], seen[p][b] + (transactions[p].Agent == b ? 1 : 0));
                    }
                }

                var patches = txn.GetProperty("patches").EnumerateArray()
                    .Select(p => (p[0].GetInt32(), p[1].GetInt32(), p[2].GetString() ?? string.Empty))
                    .ToList();
                transactions.Add(new Transaction(agent, patches));
                seen.Add(vector);
            }

            var next = new int[agents][];
            for (var a = 0; a < agents; a++)
            {
                next[a] = new int[transactions.Count + 1];
                next[a][transactions.Count] = -1;
                for (var t = transactions.Count - 1; t >= 0; t--)
                {
                    next[a][t] = transactions[t].Agent == a ? t : next[a][t + 1];
                }
            }

            return new Trace { EndContent = root.GetProperty("endContent").GetString()!, Agents = agents, Transactions = transactions, Seen = seen, Next = next };
        }

        public static string Locate(string file) => Noress.Testing.EditingTraces.Locate(file);
    }
}
