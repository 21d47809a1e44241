using System.IO.Compression;
using System.Text.Json;
using Noress.App.Documents;

namespace Noress.Tests.Documents;

/// <summary>
/// Replays the real two-author traces (josephg/editing-traces) through two simulated collab clients and the authority.
/// Each client makes its agent's transactions locally as soon as it has seen exactly the other agent's transactions
/// the trace says it had seen (a version vector), pushing and pulling only what is needed for that.
/// </summary>
public sealed class TraceReplayTests
{
    [Theory]
    [InlineData("clownschool.json.gz")]
    public async Task ConcurrentTrace_TwoClients_EndWithTraceContent(string file)
    {
        var trace = Trace.Load(file);
        await using var fixture = await AuthorityFixture.CreateAsync(string.Empty);
        var authority = fixture.Authority;
        var id = fixture.DocumentId;
        var clients = Enumerable.Range(0, trace.Agents).Select(a => new SimulatedClient($"agent{a}", string.Empty, 0)).ToArray();
        var made = new int[trace.Agents];
        // seen[a][b]: transactions of agent b that client a has received (from the server) or made.
        var seen = Enumerable.Range(0, trace.Agents).Select(_ => new int[trace.Agents]).ToArray();
        var serverAgents = new List<int>();

        for (var t = 0; t < trace.Transactions.Count; t++)
        {
            var txn = trace.Transactions[t];
            var a = txn.Agent;
            for (var b = 0; b < trace.Agents; b++)
            {
                if (b == a)
                {
                    continue;
                }

                var needed = trace.Seen[t][b];
                if (seen[a][b] > needed)
                {
                    throw new InvalidOperationException($"Transaction {t}: client {a} saw more of agent {b} than the trace allows.");
                }

                if (seen[a][b] < needed)
                {
                    // Agent b's needed transactions go to the server, then client a pulls up to them.
                    var confirmedOfB = serverAgents.Count(x => x == b);
                    if (confirmedOfB < needed)
                    {
                        await PushAsync(authority, id, clients[b], needed - confirmedOfB, serverAgents, b, seen[b]);
                    }

                    await PullAsync(authority, id, clients[a], serverAgents, seen[a]);
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
            seen[a][a]++;
        }

        for (var a = 0; a < trace.Agents; a++)
        {
            await PushAsync(authority, id, clients[a], int.MaxValue, serverAgents, a, seen[a]);
        }

        var head = await authority.GetHeadAsync(id);
        Assert.Equal(trace.EndContent, head!.Text);
        foreach (var client in clients)
        {
            client.Receive(await authority.PullAsync(id, client.Version));
            Assert.Equal(trace.EndContent, client.Text);
        }
    }

    // Pushes the client's first `transactions` local transactions.
    private static async Task PushAsync(DocumentAuthority authority, Guid id, SimulatedClient client, int transactions, List<int> serverAgents, int agent, int[] seen)
    {
        while (true)
        {
            var count = Math.Min(transactions, client.Unconfirmed.Count);
            if (count == 0)
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
            await PullAsync(authority, id, client, serverAgents, seen);
        }
    }

    private static async Task PullAsync(DocumentAuthority authority, Guid id, SimulatedClient client, List<int> serverAgents, int[] seen)
    {
        var updates = await authority.PullAsync(id, client.Version);
        client.Receive(updates);
        Array.Clear(seen);
        foreach (var agent in serverAgents)
        {
            seen[agent]++;
        }

        // Own transactions still unconfirmed count as seen too.
        var own = client.Id[^1] - '0';
        seen[own] += client.Unconfirmed.Count;
    }

    private sealed record Transaction(int Agent, IReadOnlyList<(int Position, int Deleted, string Inserted)> Patches);

    private sealed class Trace
    {
        public required string EndContent { get; init; }

        public int Agents { get; init; }

        public required List<Transaction> Transactions { get; init; }

        /// <summary>Per transaction, how many transactions of each agent its parents had seen (agents' own histories are sequential).</summary>
        public required List<int[]> Seen { get; init; }

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

            return new Trace { EndContent = root.GetProperty("endContent").GetString()!, Agents = agents, Transactions = transactions, Seen = seen };
        }

        /// <summary>shared/bench-data/editing-traces, found by walking up from the test binaries, else /work/shared.</summary>
        private static string Locate(string file)
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "bench-data", "editing-traces", file);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            var fallback = Path.Combine("/work/shared/bench-data/editing-traces", file);
            return File.Exists(fallback)
                ? fallback
                : throw new FileNotFoundException($"Editing trace {file} not found in shared/bench-data/editing-traces above {AppContext.BaseDirectory} nor in /work/shared.");
        }
    }
}
