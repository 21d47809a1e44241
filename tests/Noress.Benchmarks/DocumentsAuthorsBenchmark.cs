extern alias web;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Documents;

namespace Noress.Benchmarks;

/// <summary>
/// N simulated authors on one document: the app runs in a child process (so its CPU and memory are its own) on a real
/// Kestrel port with a temporary SQLite database; N SignalR .NET clients, all signed in as the secretariat through the
/// login form, join one document and each types one character every interval (the @codemirror/collab protocol: one
/// push in flight, refused pushes pull, rebase and push again). Measured: latency from the keystroke to its receipt by
/// every other author, refused pushes, the server's CPU and memory.
/// Run: dotnet run -c Release --project tests/Noress.Benchmarks -- documents-authors [--authors 10,50,100,200,400] [--seconds 20] [--warm-up 20] [--interval 200] [--nodes 1|2 --redis host:port] [--provider sqlite|postgres] [--gc server|workstation]
/// Nothing is counted during the warm-up: the authors start typing one after another over its first three quarters (as a room
/// fills), and it goes on until the tiered JIT of the server and of the harness has settled (under 20 ms compiled in 2 s;
/// measured: a quarter of the server's CPU went to the JIT in the first 15 s of typing, none after 25 s). Each row
/// reports the server's JIT time left in its window.
/// The server runs with the server garbage collector, as the published web app does (`--gc workstation` for the other).
/// With two nodes, two app processes share the database and a Redis server (SignalR backplane and event bus), and
/// the authors are split between them (ADR 0046). `--provider postgres` puts the database on the PostgreSQL server of
/// NORESS_BENCH_POSTGRES (a throwaway database per run), as several nodes are deployed; SQLite (a temporary file) is
/// the default, the embedded setting of one node.
/// The per-person push limits (Documents:PushesPerSecond, PushBytesPerSecond) and the login limit are raised for the server under test:
/// every author is the same person here, which the real limits would (rightly) throttle.
/// </summary>
internal static partial class DocumentsAuthorsBenchmark
{
    // The warm-up goes on while the two processes compiled more than this in the last 2 s (1 % of a core), at most
    // MaxJitWaitSeconds longer than --warm-up.
    private const double SettledJitMilliseconds = 20;
    private const int MaxJitWaitSeconds = 60;

    // How long a gap in the broadcasts may stay open before an author pulls (sync.js waits as long, ADR 0065).
    private const int GapWaitMilliseconds = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var authors = Option(args, "--authors", "10,50,100,200,400").Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var seconds = int.Parse(Option(args, "--seconds", "20"), CultureInfo.InvariantCulture);
        var warmUp = int.Parse(Option(args, "--warm-up", "20"), CultureInfo.InvariantCulture);
        var interval = int.Parse(Option(args, "--interval", "200"), CultureInfo.InvariantCulture);
        // After a refused push, wait a random 0..retryDelay ms before pushing again (0: at once, as the editor does).
        var retryDelay = int.Parse(Option(args, "--retry-delay", "0"), CultureInfo.InvariantCulture);
        var nodes = int.Parse(Option(args, "--nodes", "1"), CultureInfo.InvariantCulture);
        var redis = Option(args, "--redis", string.Empty);
        var provider = Bench.Provider(args);
        ServerProcess.ServerGc = Option(args, "--gc", "server") == "server";
        if (warmUp < 2)
        {
            throw new ArgumentException("--warm-up is at least 2 seconds.");
        }

        if (nodes is < 1 or > 2 || (nodes == 2 && redis.Length == 0))
        {
            throw new ArgumentException("--nodes is 1 or 2; two nodes need --redis host:port.");
        }

        Console.WriteLine($"Documents authors: N = {string.Join(", ", authors)}, one edit per author every {interval} ms for {seconds} s after a warm-up of {warmUp} s, retry delay up to {retryDelay} ms, {nodes} node(s) on {provider}, {(ServerProcess.ServerGc ? "server" : "workstation")} GC, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
        Console.WriteLine("| N | edits | deliveries | p50 ms | p95 ms | p99 ms | max ms | refused pushes | server CPU % of one core | server CPU ms per accepted edit | bytes sent per delivered edit | server working set MB | server GC heap MB | converged | authors' CPU % of one core (the harness) | server JIT ms while measuring |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var n in authors)
        {
            var database = provider == DatabaseProvider.PostgreSql ? BenchDatabase.Create(provider) : null;
            try
            {
                await RunOnceAsync(n, seconds, warmUp, interval, retryDelay, nodes, redis, database?.ConnectionString);
            }
            finally
            {
                database?.Drop();
            }
        }

        return 0;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static async Task RunOnceAsync(int n, int seconds, int warmUp, int interval, int retryDelay, int nodes, string redis, string? postgres)
    {
        var prefix = $"noress-bench-{Guid.NewGuid():N}";
        string[] database = postgres is null ? [] : ["--connection", postgres];
        var servers = new List<ServerProcess> { await ServerProcess.StartAsync([.. database, .. nodes == 2 ? new[] { "--redis", redis, "--prefix", prefix } : []]) };
        if (nodes == 2)
        {
            var shared = postgres is null ? ["--database", servers[0].DatabaseFile] : database;
            servers.Add(await ServerProcess.StartAsync(["--redis", redis, "--prefix", prefix, .. shared, "--document", servers[0].DocumentId.ToString()]));
        }

        await using var first = servers[0];
        await using var second = nodes == 2 ? servers[1] : null;
        var cookie = await SignInAsync(first.Address);
        var run = new RunState { RetryDelay = retryDelay };
        var clients = new List<Author>(n);
        for (var i = 0; i < n; i++)
        {
            // With two nodes, every other author is on the second one (the sign-in cookie is valid on both: one key ring).
            clients.Add(await Author.ConnectAsync(i, servers[i % servers.Count].Address, cookie, first.DocumentId, run));
        }

        // On the error stream, so that a profiler can be attached to the typing alone (docs/benchmarks.md).
        Console.Error.WriteLine($"{n} authors connected; typing");

        // The warm-up is not counted: the authors join over its first three quarters, then all type; it lasts until the JIT of
        // both processes has settled, so that the window measures the code a running server runs.
        using var stop = new CancellationTokenSource();
        var ramp = TimeSpan.FromSeconds(warmUp * 0.75);
        var typing = Task.WhenAll(clients.Select((c, i) => c.TypeAsync(ramp * i / n, interval, stop.Token)));
        var warming = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(warmUp));
        async Task<double> JitOfBothAsync() => (await StatsAsync(servers)).JitMilliseconds + JitInfo.GetCompilationTime().TotalMilliseconds;
        var jit = await JitOfBothAsync();
        while (warming.Elapsed < TimeSpan.FromSeconds(warmUp + MaxJitWaitSeconds))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var previous = jit;
            jit = await JitOfBothAsync();
            if (jit - previous < SettledJitMilliseconds)
            {
                break;
            }
        }

        Console.Error.WriteLine($"{n} authors: measuring after {warming.Elapsed.TotalSeconds:F0} s of warm-up");
        stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        var before = await StatsAsync(servers);
        // The simulated authors share the machine's cores with the server: their own CPU is reported beside its.
        var authorsBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        run.Measuring = true;
        await typing;
        run.Measuring = false;
        var elapsed = watch.Elapsed;
        var authorsCpu = (Process.GetCurrentProcess().TotalProcessorTime - authorsBefore) / elapsed * 100;
        var after = await StatsAsync(servers);

        // Let the last pushes land, then every author must hold the same version.
        var drained = Stopwatch.StartNew();
        while (drained.Elapsed < TimeSpan.FromSeconds(30) && clients.Any(c => !c.Idle || c.Version != clients.Max(x => x.Version)))
        {
            await Task.Delay(100);
        }

        // A room the machine cannot keep up with still gets its row (not converged), and the series goes on.
        var converged = false;
        try
        {
            var head = await clients[0].HeadAsync();
            converged = clients.All(c => c.Idle && c.Version == head.Version && c.Length == head.Text.Length);
        }
        catch (Exception exception) when (exception is TimeoutException or Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException)
        {
            Console.Error.WriteLine($"{n} authors: the head could not be read after the run ({exception.Message}).");
        }

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        var cpuMilliseconds = after.CpuMilliseconds - before.CpuMilliseconds;
        if (run.Latency.Count == 0)
        {
            Console.WriteLine($"| {n} | {run.Edits:N0} edits measured, none delivered in the window: no latency to report |");
            return;
        }

        var cpu = cpuMilliseconds / elapsed.TotalMilliseconds * 100;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {n} | {run.Edits:N0} | {run.Latency.Count:N0} | {run.Latency.Percentile(50):F1} | {run.Latency.Percentile(95):F1} | {run.Latency.Percentile(99):F1} | {run.Latency.Max:F0} | {run.Refused:N0} ({run.Refused * 100.0 / Math.Max(1, run.Pushes):F1} % of {run.Pushes:N0}) | {cpu:F0} | {cpuMilliseconds / Math.Max(1, run.Edits):F2} | {run.Bytes / (double)Math.Max(1, run.Latency.Count):F0} | {after.WorkingSet / 1048576.0:F0} | {after.GcHeap / 1048576.0:F0} | {(converged ? "yes" : "NO")}{(run.Errors > 0 ? $", {run.Errors} errors" : string.Empty)} | {authorsCpu:F0} | {after.JitMilliseconds - before.JitMilliseconds:F0} |"));
    }

    // Summed over the nodes.
    private static async Task<(double CpuMilliseconds, long WorkingSet, long GcHeap, double JitMilliseconds)> StatsAsync(List<ServerProcess> servers)
    {
        var all = await Task.WhenAll(servers.Select(s => s.StatsAsync()));
        return (all.Sum(s => s.CpuMilliseconds), all.Sum(s => s.WorkingSet), all.Sum(s => s.GcHeap), all.Sum(s => s.JitMilliseconds));
    }

    private static async Task<string> SignInAsync(Uri address) =>
        (await CircuitsHarness.SignInCookiesAsync(address, "secretariat@noress.demo")).GetCookieHeader(address);

    /// <summary>Counters shared by the authors of one run.</summary>
    private sealed class RunState
    {
        private long edits;
        private long pushes;
        private long refused;
        private long errors;
        private long bytes;

        public int RetryDelay { get; init; }

        /// <summary>Bytes the server sent to the authors while measuring (broadcasts and push answers, as JSON on the wire).</summary>
        public long Bytes => Interlocked.Read(ref bytes);

        private readonly ConcurrentDictionary<(int Head, int Count), long> broadcastSizes = new();

        /// <summary>The wire size of a broadcast (the same message reaches every author), estimated once.</summary>
        public long BroadcastBytes(int head, List<UpdateDto> updates) =>
            Measuring ? broadcastSizes.GetOrAdd((head, updates.Count), _ => WireBytes(updates) + 90) : 0;

        /// <summary>
        /// The changes stored at a version, parsed once for all the simulated authors (each browser parses what it
        /// receives once; N authors in one process would otherwise parse every update N times).
        /// </summary>
        public ChangeSet Parsed(int version, UpdateDto update)
        {
            if (parsed.TryGetValue(version, out var known))
            {
                return known;
            }

            if (!ChangeSet.TryParse(update.Changes, out var changes))
            {
                throw new InvalidOperationException("The server sent a malformed update.");
            }

            parsed.TryAdd(version, changes);
            return changes;
        }

        private readonly ConcurrentDictionary<int, ChangeSet> parsed = new();

        public void Received(long count)
        {
            if (Measuring)
            {
                Interlocked.Add(ref bytes, count);
            }
        }

        /// <summary>Only edits typed while measuring are timed and counted.</summary>
        public volatile bool Measuring;

        public ConcurrentDictionary<string, long> SentAt { get; } = new();

        public Histogram Latency { get; } = new();

        public long Edits => Interlocked.Read(ref edits);

        public long Pushes => Interlocked.Read(ref pushes);

        public long Refused => Interlocked.Read(ref refused);

        public long Errors => Interlocked.Read(ref errors);

        public void Edited(string id)
        {
            if (Measuring)
            {
                SentAt[id] = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref edits);
            }
        }

        public void Pushed()
        {
            if (Measuring)
            {
                Interlocked.Increment(ref pushes);
            }
        }

        public void WasRefused()
        {
            if (Measuring)
            {
                Interlocked.Increment(ref refused);
            }
        }

        public void Failed() => Interlocked.Increment(ref errors);
    }

    /// <summary>Latencies in 10 µs buckets up to 20 s (beyond counts as 20 s).</summary>
    private sealed class Histogram
    {
        private const double BucketMs = 0.01;
        private readonly long[] buckets = new long[2_000_001];
        private long count;

        public long Count => Interlocked.Read(ref count);

        public double Max { get; private set; }

        public void Add(double milliseconds)
        {
            var bucket = (int)Math.Clamp(milliseconds / BucketMs, 0, buckets.Length - 1);
            Interlocked.Increment(ref buckets[bucket]);
            Interlocked.Increment(ref count);
            if (milliseconds > Max)
            {
                Max = milliseconds;
            }
        }

        public double Percentile(double percent)
        {
            var target = (long)Math.Ceiling(Count * percent / 100);
            long seen = 0;
            for (var i = 0; i < buckets.Length; i++)
            {
                seen += buckets[i];
                if (seen >= target && seen > 0)
                {
                    return i * BucketMs;
                }
            }

            return double.NaN;
        }
    }

    private static readonly JsonSerializerOptions WireJson = new(JsonSerializerDefaults.Web);

    private static long WireBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, WireJson).LongLength;

    /// <summary>One author: a port of the @codemirror/collab client keeping only the length of its text.</summary>
    private sealed class Author : IAsyncDisposable
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private readonly List<(string Id, ChangeSet Changes)> unconfirmed = [];

        // The received batch composed in place (ADR 0063); its buffers serve every batch.
        private readonly ChangeSet.Fold received = new();
        private readonly HubConnection connection;
        private readonly Guid documentId;
        private readonly RunState run;
        private readonly string prefix;
        private readonly Random random;
        private readonly List<(int First, List<UpdateDto> Updates)> heldBack = [];
        private int sequence;

        // 1 while a gap's pull is scheduled.
        private int watchingGap;
        private int pushing;
        private bool inFlight;

        // A rebased push's own updates in their stored form and the version they end at, waiting for those before.
        private (int End, List<UpdateDto> Own)? answered;
        private TaskCompletionSource advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Author(int index, HubConnection connection, Guid documentId, RunState run)
        {
            this.connection = connection;
            this.documentId = documentId;
            this.run = run;
            prefix = string.Create(CultureInfo.InvariantCulture, $"a{index}.");
            random = new Random(index);
        }

        public int Version { get; private set; }

        public int Length { get; private set; }

        public bool Idle => Volatile.Read(ref pushing) == 0 && unconfirmed.Count == 0;

        public static async Task<Author> ConnectAsync(int index, Uri address, string cookie, Guid documentId, RunState run)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(address, DocumentsServiceCollectionExtensions.HubPath), options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                    options.Headers["Cookie"] = cookie;
                })
                .Build();
            // The browser's 30 s, doubled: on two shared cores a starved author is not taken for a dead server.
            connection.ServerTimeout = TimeSpan.FromMinutes(1);
            var author = new Author(index, connection, documentId, run);
            connection.On<Guid, List<UpdateDto>, int>("Updates", author.OnUpdatesAsync);
            // The editor handles these too; without a handler the client throws and catches an exception per message
            // (every join tells everyone already there: N squared exceptions before the run starts).
            connection.On<Guid, PresenceDto>("PresenceChanged", (_, _) => { });
            connection.On<Guid, string>("PresenceLeft", (_, _) => { });
            connection.On<Guid>("AnnotationsChanged", _ => { });
            connection.On<Guid>("RightsChanged", _ => { });
            await connection.StartAsync();
            var snapshot = await connection.InvokeAsync<DocumentSnapshotDto>("Join", documentId);
            author.Version = snapshot.Version;
            author.Length = snapshot.Text.Length;
            return author;
        }

        public async Task<DocumentSnapshotDto> HeadAsync() => await connection.InvokeAsync<DocumentSnapshotDto>("Join", documentId);

        public async Task TypeAsync(TimeSpan joinAfter, int interval, CancellationToken stop)
        {
            // Authors start one after another (the warm-up's ramp), each at a random point of one interval.
            try
            {
                await Task.Delay(joinAfter + TimeSpan.FromMilliseconds(random.Next(interval)), stop);
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(interval));
                do
                {
                    await gate.WaitAsync(stop);
                    try
                    {
                        var position = random.Next(Length + 1);
                        var changes = ChangeSet.Of(Length, position, position, "x");
                        var id = prefix + (++sequence).ToString(CultureInfo.InvariantCulture);
                        run.Edited(id);
                        unconfirmed.Add((id, changes));
                        Length = changes.NewLength;
                    }
                    finally
                    {
                        gate.Release();
                    }

                    _ = PushAsync();
                }
                while (await timer.WaitForNextTickAsync(stop));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The run is over; pushes in flight finish on their own.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await connection.DisposeAsync();
            gate.Dispose();
        }

        // One push in flight, like the collab plugin; edits typed meanwhile go with the next one.
        private async Task PushAsync()
        {
            if (Interlocked.Exchange(ref pushing, 1) == 1)
            {
                return;
            }

            try
            {
                while (true)
                {
                    int version;
                    List<UpdateDto> updates;
                    Task waitForAdvance;
                    await gate.WaitAsync();
                    try
                    {
                        if (unconfirmed.Count == 0)
                        {
                            return;
                        }

                        version = Version;
                        // At most Documents:MaxUpdatesPerPush, like the editor (ADR 0010).
                        updates = [.. unconfirmed.Take(100).Select(u => new UpdateDto { ClientId = u.Id, Changes = u.Changes.ToJsonElement() })];
                        waitForAdvance = advanced.Task;
                        // Like the editor, nothing received is applied while the push is out: the server may rebase it,
                        // and its answer is applied first (ADR 0046).
                        inFlight = true;
                    }
                    finally
                    {
                        gate.Release();
                    }

                    run.Pushed();
                    PushResultDto? result = null;
                    try
                    {
                        result = await connection.InvokeAsync<PushResultDto>("Push", documentId, version, updates);
                        run.Received(WireBytes(result) + 40);
                    }
                    finally
                    {
                        if (!await AnswerAsync(version, updates, result))
                        {
                            await PullAsync();
                        }
                    }

                    if (result.Accepted)
                    {
                        // Our updates come back in the broadcast (sent before the answer); wait until it is applied.
                        while (Version < result.Version)
                        {
                            if (await Task.WhenAny(waitForAdvance, Task.Delay(2000)) != waitForAdvance)
                            {
                                await PullAsync();
                            }

                            waitForAdvance = advanced.Task;
                        }
                    }
                    else if (result.Error is null)
                    {
                        // Behind: the broadcasts bring what we missed (pull only if they do not), then rebase and retry.
                        run.WasRefused();
                        while (Version < result.Version)
                        {
                            if (await Task.WhenAny(waitForAdvance, Task.Delay(2000)) != waitForAdvance)
                            {
                                await PullAsync();
                            }

                            waitForAdvance = advanced.Task;
                        }

                        if (run.RetryDelay > 0)
                        {
                            await Task.Delay(Random.Shared.Next(run.RetryDelay + 1));
                        }
                    }
                    else
                    {
                        run.Failed();
                        await Task.Delay(100);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref pushing, 0);
            }
        }

        // Stored as sent, ours are confirmed at once; rebased, the answer brings only ours in their stored form (ADR
        // 0060), applied with the others' before them once the broadcasts bring those, as sync.js does.
        // False when a pull is needed.
        private async Task<bool> AnswerAsync(int version, List<UpdateDto> updates, PushResultDto? result)
        {
            await gate.WaitAsync();
            try
            {
                inFlight = false;
                if (result is { Accepted: true, Updates: null } && result.Version == version + updates.Count)
                {
                    Receive(version + 1, updates);
                }
                else if (result is { Accepted: true, Updates: { } own })
                {
                    answered = (result.Version, own.ToList());
                }

                if (!Drain())
                {
                    _ = PullIfGapStaysAsync();
                }

                // A push without an answer may have been stored: the caller pulls at once (sync.js's `uncertain`).
                return result is not null;
            }
            catch (InvalidOperationException)
            {
                run.Failed();
                throw;
            }
            finally
            {
                inFlight = false;
                gate.Release();
            }
        }

        // Applies what was held back, in version order; after a rebased push only once the held broadcasts cover every
        // update before ours: those and ours in one go, so ours are never rebased here by another rule than the server's
        // (sync.js). What lies after a gap stays held until the missing broadcast comes or the gap's wait ends in a pull
        // (ADR 0065). The caller holds the gate. False while a gap is open.
        private bool Drain()
        {
            if (answered is { } pending)
            {
                var (end, own) = pending;
                if (Version < end)
                {
                    if (HeldUpTo(end - own.Count) is not { } others)
                    {
                        return true;
                    }

                    others.AddRange(own);
                    Receive(Version + 1, others);
                }

                answered = null;
            }

            heldBack.Sort((x, y) => x.First.CompareTo(y.First));
            var applied = 0;
            while (applied < heldBack.Count && heldBack[applied].First <= Version + 1)
            {
                Receive(heldBack[applied].First, heldBack[applied].Updates);
                applied++;
            }

            heldBack.RemoveRange(0, applied);
            return heldBack.Count == 0;
        }

        // The held-back updates after our version up to `last`, in order; null while some are missing. Looked up by
        // version, not by arrival: with two nodes, their broadcasts cross the backplane in either order (sync.js).
        private List<UpdateDto>? HeldUpTo(int last)
        {
            var next = Version + 1;
            var found = new List<UpdateDto>();
            while (next <= last)
            {
                var at = heldBack.FindIndex(h => h.First <= next && next < h.First + h.Updates.Count);
                if (at < 0)
                {
                    return null;
                }

                var (first, held) = heldBack[at];
                for (var i = next - first; i < held.Count && next <= last; i++, next++)
                {
                    found.Add(held[i]);
                }
            }

            return found;
        }

        // A gap stays open longer than broadcasts take to cross the backplane: pull what is missing (a lost message).
        private async Task PullIfGapStaysAsync()
        {
            if (Interlocked.Exchange(ref watchingGap, 1) == 1)
            {
                return;
            }

            var version = Version;
            await Task.Delay(GapWaitMilliseconds);
            Volatile.Write(ref watchingGap, 0);
            bool stays;
            await gate.WaitAsync();
            try
            {
                stays = Version == version && heldBack.Count > 0 && !inFlight;
            }
            finally
            {
                gate.Release();
            }

            if (stays)
            {
                await PullAsync();
            }
        }

        // The answer is awaited outside the gate: the connection's handlers wait on that gate too.
        private async Task PullAsync()
        {
            var from = Version;
            var updates = await connection.InvokeAsync<List<UpdateDto>>("Pull", documentId, from);
            await gate.WaitAsync();
            try
            {
                if (inFlight)
                {
                    // A push went out meanwhile: its answer comes first (ADR 0046).
                    heldBack.Add((from + 1, updates));
                    return;
                }

                // Everything since our version, ours included when a rebased push waits for it: one go.
                Receive(from + 1, updates);
                Drain();
            }
            finally
            {
                gate.Release();
            }
        }

        private async Task OnUpdatesAsync(Guid document, List<UpdateDto> updates, int headVersion)
        {
            // Every author gets the same message: its size is computed once (the harness's own work, not the editor's).
            run.Received(run.BroadcastBytes(headVersion, updates));
            bool received;
            await gate.WaitAsync();
            try
            {
                if (inFlight)
                {
                    heldBack.Add((headVersion - updates.Count + 1, updates));
                    return;
                }

                // In version order; a rebased push waits for the updates before it.
                heldBack.Add((headVersion - updates.Count + 1, updates));
                received = Drain();
            }
            finally
            {
                gate.Release();
            }

            if (!received)
            {
                // A gap: the missing broadcast is usually on its way from the other node; pull if it does not come.
                _ = PullIfGapStaysAsync();
            }
        }

        // receiveUpdates of @codemirror/collab: own updates confirm, others compose, the unconfirmed rest is rebased.
        private bool Receive(int firstVersion, List<UpdateDto> updates)
        {
            if (firstVersion > Version + 1)
            {
                return false;
            }

            var now = Stopwatch.GetTimestamp();
            received.Clear();
            var own = 0;
            for (var i = Version + 1 - firstVersion; i < updates.Count; i++)
            {
                var update = updates[i];
                var parsed = run.Parsed(firstVersion + i, update);

                if (own < unconfirmed.Count && update.ClientId == unconfirmed[own].Id)
                {
                    // The order the authority gave our update and the others' when it rebased it (ADR 0046).
                    if (received.Any)
                    {
                        received.Reset(UpdateRebase.MapOverOwn(received.Result, unconfirmed[own].Changes, parsed)
                            ?? throw new InvalidOperationException("The server stored a form of our update that is no rebase of it."));
                    }

                    own++;
                }
                else
                {
                    if (!update.ClientId.StartsWith(prefix, StringComparison.Ordinal) && run.SentAt.TryGetValue(update.ClientId, out var sent))
                    {
                        run.Latency.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                    }

                    received.Add(parsed);
                }

                Version++;
            }

            unconfirmed.RemoveRange(0, own);
            if (received.Any)
            {
                var changes = received.Result;
                // Only the received changes' length matters here (the harness keeps no text), and mapping them over our
                // edits does not change it: the last mapping, the one nothing reads, is skipped.
                Length += changes.NewLength - changes.Length;
                for (var i = 0; i < unconfirmed.Count; i++)
                {
                    var rebased = unconfirmed[i].Changes.Map(changes);
                    if (i + 1 < unconfirmed.Count)
                    {
                        changes = changes.Map(unconfirmed[i].Changes, true);
                    }

                    unconfirmed[i] = (unconfirmed[i].Id, rebased);
                }
            }

            var signal = advanced;
            advanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            signal.TrySetResult();
            return true;
        }
    }

    /// <summary>The app under test in a child process of this benchmark (mode <c>documents-server</c>).</summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process process;

        private ServerProcess(Process process) => this.process = process;

        public Uri Address { get; private set; } = default!;

        public Guid DocumentId { get; private set; }

        public string DatabaseFile { get; private set; } = string.Empty;

        /// <summary>Whether the app runs with the server garbage collector (the web app's own setting).</summary>
        public static bool ServerGc { get; set; } = true;

        public static async Task<ServerProcess> StartAsync(string[] options)
        {
            var self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.Environment["DOTNET_gcServer"] = ServerGc ? "1" : "0";
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(typeof(DocumentsAuthorsBenchmark).Assembly.Location);
            }

            start.ArgumentList.Add("documents-server");
            foreach (var option in options)
            {
                start.ArgumentList.Add(option);
            }

            var server = new ServerProcess(Process.Start(start)!);
            var ready = await server.ReadLineStartingAsync("READY ");
            var parts = ready.Split(' ');
            server.Address = new Uri(parts[1]);
            server.DocumentId = Guid.Parse(parts[2]);
            server.DatabaseFile = parts[3];
            return server;
        }

        public async Task<(double CpuMilliseconds, long WorkingSet, long GcHeap, double JitMilliseconds)> StatsAsync()
        {
            await process.StandardInput.WriteLineAsync("stats");
            var parts = (await ReadLineStartingAsync("STATS ")).Split(' ');
            return (double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture), double.Parse(parts[4], CultureInfo.InvariantCulture));
        }

        public async ValueTask DisposeAsync()
        {
            await process.StandardInput.WriteLineAsync("quit");
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }

        // The app's own console output goes through; protocol lines start with a keyword.
        private async Task<string> ReadLineStartingAsync(string keyword)
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith(keyword, StringComparison.Ordinal))
                {
                    return line;
                }
            }

            throw new InvalidOperationException($"The server process ended before printing {keyword.Trim()}.");
        }
    }
}

/// <summary>The child process: the app on a free port, one document, statistics on request through standard input.</summary>
internal static class DocumentsServerHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var index and >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        // A second node opens the first one's database and document; the first removes the files.
        var existing = Option("--database");
        var databaseFile = existing ?? Path.Combine(Path.GetTempPath(), $"noress-authors-{Guid.NewGuid():N}.db");
        // PostgreSQL: the parent made the database and drops it.
        var postgres = Option("--connection");
        // This project is no test project, so WebApplicationFactory finds no content root by itself.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var web = Path.Combine(directory.FullName, "src", "Noress.Web");
            if (Directory.Exists(web))
            {
                Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_NORESS_WEB", web);
                break;
            }
        }

        try
        {
            await using (var factory = new BenchmarkAppFactory(postgres ?? $"Data Source={databaseFile}", postgres is null ? "Sqlite" : "PostgreSql", Option("--redis"), Option("--prefix")))
            {
                factory.StartServer();
                var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()
                    .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
                var documentId = Option("--document") is { } document ? Guid.Parse(document) : await CreateDocumentAsync(factory.Services);
                Console.WriteLine($"READY {address} {documentId} {databaseFile}");
                using var process = Process.GetCurrentProcess();
                while (Console.ReadLine() is { } line && line != "quit")
                {
                    if (line == "stats")
                    {
                        process.Refresh();
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"STATS {process.TotalProcessorTime.TotalMilliseconds:F0} {process.WorkingSet64} {GC.GetTotalMemory(false)} {JitInfo.GetCompilationTime().TotalMilliseconds:F0}"));
                    }
                }
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in existing is null && postgres is null ? new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" } : [])
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<Guid> CreateDocumentAsync(IServiceProvider services)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<NoressDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var secretariat = await db.Users.SingleAsync(u => u.Email == "secretariat@noress.demo");
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, secretariat.Id.ToString()), new Claim(ClaimTypes.Role, Roles.Secretariat)], "benchmark"));
        var text = string.Concat(Enumerable.Repeat("Procès-verbal de la réunion du comité de pilotage. محضر اجتماع لجنة القيادة.\n", 20));
        return (await services.GetRequiredService<DocumentService>().CreateAsync(principal, DocumentSpaceKind.Platform, null, "Benchmark", text)).Value;
    }

    private sealed class BenchmarkAppFactory : WebApplicationFactory<web::Program>
    {
        private readonly string connectionString;
        private readonly string provider;
        private readonly string? redis;
        private readonly string? channelPrefix;

        public BenchmarkAppFactory(string connectionString, string provider, string? redis, string? channelPrefix)
        {
            this.connectionString = connectionString;
            this.provider = provider;
            this.redis = redis;
            this.channelPrefix = channelPrefix;
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", provider);
            builder.UseSetting("Database:SeedDemoData", "true");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("ConnectionStrings:Noress", connectionString);
            // Every author is the secretariat here: the per-person limit of 20 pushes/s would throttle the group,
            // and the single sign-in is not the subject either.
            builder.UseSetting("Documents:PushesPerSecond", "1000000");
            builder.UseSetting("Documents:PushBytesPerSecond", "1000000000");
            builder.UseSetting("RateLimiting:PermitLimit", "10000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // NORESS_BENCH_BEFORE=1: the protocol before ADR 0046 (stale pushes refused, one message per push), for a
            // before/after on the same machine.
            if (Environment.GetEnvironmentVariable("NORESS_BENCH_BEFORE") == "1")
            {
                builder.UseSetting("Documents:RebaseStalePushes", "false");
                builder.UseSetting("Documents:BroadcastTickMilliseconds", "0");
            }

            if (redis is not null)
            {
                // Two nodes: SignalR's backplane and the event bus over Redis, one data-protection key ring in the
                // shared database (the default), so the sign-in cookie of one node is good on the other.
                builder.UseSetting("RealTime:Bus", "Redis");
                builder.UseSetting("RealTime:Redis", redis);
                builder.UseSetting("RealTime:ChannelPrefix", channelPrefix ?? "noress-bench");
            }
        }
    }
}
