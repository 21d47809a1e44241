extern alias web;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Plans;

namespace Noress.Benchmarks;

/// <summary>
/// Idle signed-in circuits in Chromium, one page of the app each: the server's live heap after a forced full collection at
/// several counts (the marginal cost per circuit), the circuits still held after the pages are closed, and, with
/// <c>--probe</c>, a probe person's click-to-DOM time while the circuits are held.
/// The app runs in a child process (its heap is its own) on a real Kestrel port and a temporary SQLite database with the
/// demo data; the pages are real Chromium pages (Debian's, NORESS_CHROMIUM), each in a browser context of its own
/// (<c>--per-context 1</c>, what the issue measured) or several pages per context (<c>--per-context N</c>: one renderer
/// process serves the pages of a context, which is how thousands of circuits fit in one machine's browser).
/// Run: dotnet run -c Release --project tests/Noress.Benchmarks -- circuits [--page dashboard|institution|document|plan]
///   [--steps 0,10,20,40] [--per-context 1] [--probe 100] [--close tab|leave] [--gcdump path-prefix: dumps at the last two counts, the types that grew] [--user secretariat@noress.demo] [--port 47400]
///   [--idle-seconds 20: how long the pages sit idle before each count, past Kestrel's keep-alive (Server:KeepAliveSeconds, 15 s)]
/// </summary>
internal static partial class CircuitsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var pageName = Bench.Option(args, "--page", "dashboard");
        var steps = Bench.Option(args, "--steps", "0,10,20,40").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var perContext = int.Parse(Bench.Option(args, "--per-context", "1"), CultureInfo.InvariantCulture);
        var probes = int.Parse(Bench.Option(args, "--probe", "0"), CultureInfo.InvariantCulture);
        var gcdump = Bench.Option(args, "--gcdump", string.Empty);
        var user = Bench.Option(args, "--user", "secretariat@noress.demo");
        var port = Bench.Option(args, "--port", "47400");
        // "tab": pages are closed as tabs (a busy renderer may skip pagehide, and then the server keeps the circuit for the
        // retention period); "leave": each page first navigates away (pagehide always runs), then closes.
        var close = Bench.Option(args, "--close", "tab");
        var concurrency = int.Parse(Bench.Option(args, "--concurrency", "4"), CultureInfo.InvariantCulture);
        // Idle means after the page load's HTTP connections have been closed by the server: a page lives on its WebSockets
        // once loaded, and Kestrel closes an idle keep-alive connection after Server:KeepAliveSeconds (its 1 s heartbeat on top).
        var idleSeconds = int.Parse(Bench.Option(args, "--idle-seconds", "20"), CultureInfo.InvariantCulture);

        // Each document page opens a document of its own: people in one document see each other (presence), which grows
        // with the square of the room, not with the circuits.
        await using var server = await CircuitsServerProcess.StartAsync(port, pageName == "document" ? steps.Max() : 1);
        var opened = 0;
        string PathOf(int index) => pageName switch
        {
            "dashboard" => "/",
            "institution" => $"/members/{server.Institution}",
            "document" => $"/documents/{server.Documents[index % server.Documents.Count]}",
            "plan" => $"/action-plans/{server.PlanId}",
            _ => throw new ArgumentException($"Unknown page {pageName}."),
        };
        var path = PathOf(0);
        // What says the page is fully up: its circuit (the layout's mark) and, for a document, the editor's hub connection.
        var ready = pageName == "document" ? "[data-testid=collaborative-editor][data-connection=connected]" : "[data-interactive=true]";
        var cookies = await CircuitsHarness.SignInAsync(server.Address, user);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Circuits: page {pageName} ({path}) as {user}, steps {string.Join(',', steps)}, {perContext} page(s) per browser context, {idleSeconds} s idle before each count, server pid {server.Pid}, {Environment.ProcessorCount} logical CPUs, load {Bench.LoadAverage()}"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await CircuitsHarness.LaunchChromiumAsync(playwright);

        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        async Task<IPage> OpenAsync()
        {
            IBrowserContext? context;
            lock (contexts)
            {
                context = pages.Count % perContext == 0 || contexts.Count == 0 ? null : contexts[^1];
            }

            if (context is null)
            {
                context = await CircuitsHarness.NewContextAsync(browser, server.Address, cookies);
                lock (contexts)
                {
                    contexts.Add(context);
                }
            }

            var page = await context.NewPageAsync();
            lock (contexts)
            {
                pages.Add(page);
            }

            await page.GotoAsync(PathOf(Interlocked.Increment(ref opened) - 1), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await page.Locator(ready).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            return page;
        }

        // The sign-in is not counted: the heap at 0 is measured once the server holds no circuit.
        var heaps = new List<(int Circuits, long Heap, int Held, long FreeBuffers)>();
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var baseline = await server.HeapAsync();
        heaps.Add((0, baseline.Heap, baseline.Circuits, baseline.FreeBuffers));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"0 pages: heap {baseline.Heap / 1048576.0:F1} MB, circuits {baseline.Circuits}"));
        var began = Stopwatch.GetTimestamp();
        var counted = steps.Where(s => s > 0).ToList();
        Dictionary<string, (long Bytes, long Count)>? dumped = null;
        var dumpedAt = 0;
        foreach (var step in counted)
        {
            while (pages.Count < step)
            {
                // Opened sequentially within a context (its pages share cookies and a renderer), in parallel across contexts.
                var batch = Math.Min(step - pages.Count, perContext == 1 ? concurrency : 1);
                await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => OpenAsync()));
            }

            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            var measured = await server.HeapAsync();
            heaps.Add((pages.Count, measured.Heap, measured.Circuits, measured.FreeBuffers));
            var previous = heaps[^2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{pages.Count} pages: heap {measured.Heap / 1048576.0:F1} MB, circuits held by the server {measured.Circuits}, Kestrel's free buffers {measured.FreeBuffers / 1048576.0:F1} MB, marginal {(measured.Heap - previous.Heap) / 1024.0 / Math.Max(1, pages.Count - previous.Circuits):F0} KB per circuit since {previous.Circuits} ({Bench.Milliseconds(began, Stopwatch.GetTimestamp()) / 1000:F0} s)"));
            if (gcdump.Length > 0 && counted.Count >= 2 && step >= counted[^2])
            {
                // Two dumps, at the last two counts: their difference is what the added circuits hold, by type.
                var dump = await DumpAsync(server.Pid, string.Create(CultureInfo.InvariantCulture, $"{gcdump}-{step}.gcdump"));
                if (dumped is not null)
                {
                    PrintGrowth(dumped, dump, step - dumpedAt);
                }

                (dumped, dumpedAt) = (dump, step);
            }
        }

        var nonZero = heaps.Where(h => h.Circuits > 0).ToList();
        if (nonZero.Count >= 2)
        {
            // The second figure leaves out the change in Kestrel's pool of free 4 KB blocks: the node's, kept after its
            // busiest moment and evicted slowly, not a circuit's (it moved the first by up to 30 KB per circuit).
            var added = nonZero[^1].Circuits - nonZero[0].Circuits;
            var growth = nonZero[^1].Heap - nonZero[0].Heap;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"marginal heap per idle circuit ({nonZero[0].Circuits} -> {nonZero[^1].Circuits}): {growth / 1024.0 / added:F0} KB; without the change in Kestrel's free buffers ({(nonZero[^1].FreeBuffers - nonZero[0].FreeBuffers) / 1024.0 / added:F0} KB per circuit): {(growth - nonZero[^1].FreeBuffers + nonZero[0].FreeBuffers) / 1024.0 / added:F0} KB"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"heap per circuit from 0 ({heaps[0].Circuits} -> {heaps[^1].Circuits}): {(heaps[^1].Heap - heaps[0].Heap) / 1024.0 / Math.Max(1, heaps[^1].Circuits):F0} KB; load {Bench.LoadAverage()}"));

        if (probes > 0)
        {
            await using var probe = await CircuitProbe.OpenAsync(browser, server.Address, cookies);
            Console.WriteLine($"probe: {await probe.MeasureAsync(probes)}; load {Bench.LoadAverage()}");
        }

        // Closing: every page goes away as a person closing a tab; the server must let go of their circuits.
        var closing = Stopwatch.GetTimestamp();
        if (close == "leave")
        {
            foreach (var chunk in pages.Chunk(8))
            {
                await Task.WhenAll(chunk.Select(p => p.GotoAsync("about:blank")));
            }
        }

        foreach (var chunk in contexts.Chunk(8))
        {
            await Task.WhenAll(chunk.Select(c => c.CloseAsync()));
        }

        var after = await server.WaitForCircuitsAsync(0, TimeSpan.FromSeconds(60));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after closing {pages.Count} pages ({close}): {after.Circuits} circuits held by the server after {Bench.Milliseconds(closing, Stopwatch.GetTimestamp()) / 1000:F1} s, heap {after.Heap / 1048576.0:F1} MB"));
        return after.Circuits == 0 ? 0 : 1;
    }

    /// <summary>A heap dump of the server (dotnet-gcdump, a global dotnet tool), read back as bytes and objects by type.</summary>
    private static async Task<Dictionary<string, (long Bytes, long Count)>> DumpAsync(int pid, string file)
    {
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump");
        var types = new Dictionary<string, (long Bytes, long Count)>();
        foreach (var arguments in new[] { $"collect -p {pid} -o {file}", $"report {file}" })
        {
            using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (!arguments.StartsWith("report", StringComparison.Ordinal))
            {
                continue;
            }

            // heapstat lines: the size of one object (an average within a size bucket), the count, the type and its assembly.
            foreach (Match line in HeapStatLine().Matches(output))
            {
                var type = SizeBucket().Replace(line.Groups[3].Value, string.Empty);
                var size = long.Parse(line.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                var count = long.Parse(line.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                var (bytes, objects) = types.GetValueOrDefault(type);
                types[type] = (bytes + size * count, objects + count);
            }
        }

        return types;
    }

    /// <summary>Where the memory of the circuits added between two dumps went: the types that grew most, per circuit.</summary>
    private static void PrintGrowth(Dictionary<string, (long Bytes, long Count)> before, Dictionary<string, (long Bytes, long Count)> after, int circuits)
    {
        var growth = after.Select(t => (Type: t.Key, Bytes: t.Value.Bytes - before.GetValueOrDefault(t.Key).Bytes, Count: t.Value.Count - before.GetValueOrDefault(t.Key).Count))
            .OrderByDescending(t => t.Bytes).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"heap dump growth over {circuits} circuits: {growth.Sum(g => g.Bytes) / 1024.0 / circuits:F0} KB per circuit; the 40 types that grew most (bytes and objects per circuit):"));
        foreach (var (type, bytes, count) in growth.Take(40))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1024.0 / circuits,8:F1} KB {count / (double)circuits,8:F1}  {(type.Length > 140 ? type[..140] : type)}"));
        }
    }

    [GeneratedRegex(@"^\s*([\d,]+)\s+([\d,]+)\s+(.+?)\s+\[[^\]]+\]\s*$", RegexOptions.Multiline)]
    private static partial Regex HeapStatLine();

    [GeneratedRegex(@"\s*\(Bytes > [\dKM]+\)")]
    private static partial Regex SizeBucket();

}

/// <summary>
/// The child process of <c>circuits</c> and <c>circuits-idle</c>: the app on a port, a document and the strategic plan of the plans benchmark's
/// shape (5 axes x 4 objectives x 6 actions, first in the grid), the circuits counted by a circuit handler; answers
/// <c>heap</c>, <c>wait N seconds</c> and <c>quit</c> on standard input.
/// </summary>
internal static class CircuitsServerHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 0;
        var documentCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var databaseFile = Path.Combine(Path.GetTempPath(), $"noress-circuits-{Guid.NewGuid():N}.db");
        Bench.FindContentRoot();
        var counter = new CircuitCounter();
        using var freeBuffers = new PooledBytes();
        try
        {
            await using (var factory = new AppFactory(databaseFile, port, counter))
            {
                factory.StartServer();
                var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()
                    .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
                var (documents, planId) = await PrepareAsync(factory.Services, documentCount);
                Console.WriteLine($"READY {address} {string.Join(',', documents)} {planId} ADS");
                while (Console.ReadLine() is { } line && line != "quit")
                {
                    var parts = line.Split(' ');
                    if (parts[0] == "heap")
                    {
                        // Twice, 31 s apart: after a full collection the shared array pools drop the thread-local
                        // buffers not used for 30 s. Those belong to the node's threads, not to a circuit: left in, they
                        // moved the marginal cost by up to 20 KB per circuit either way from one run to the next.
                        Bench.CollectFully();
                        await Task.Delay(TimeSpan.FromSeconds(31));
                        Bench.CollectFully();
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HEAP {GC.GetTotalMemory(forceFullCollection: true)} {counter.Open} {freeBuffers.Bytes}"));
                    }
                    else if (parts[0] == "wait")
                    {
                        await counter.WaitForAsync(int.Parse(parts[1], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(int.Parse(parts[2], CultureInfo.InvariantCulture)));
                        Console.WriteLine("WAITED");
                    }
                }
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<(List<Guid> Documents, Guid Plan)> PrepareAsync(IServiceProvider services, int documentCount)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<NoressDbContext>>();
        Guid secretariatId;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            secretariatId = (await db.Users.SingleAsync(u => u.Email == "secretariat@noress.demo")).Id;
        }

        var principal = Bench.Principal(secretariatId, "secretariat@noress.demo", Roles.Secretariat);
        var text = string.Concat(Enumerable.Repeat("Procès-verbal de la réunion du comité de pilotage. محضر اجتماع لجنة القيادة.\n", 20));
        await using var scope = services.CreateAsyncScope();
        var documents = new List<Guid>();
        for (var i = 0; i < documentCount; i++)
        {
            documents.Add((await scope.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(principal, DocumentSpaceKind.Platform, null, $"Benchmark {i + 1}", text)).Value);
        }

        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var planId = await plans.FindAsync(PlanKind.Strategic, null, default)
            ?? (await plans.CreatePlanAsync(principal, PlanKind.Strategic, null, "Plan stratégique", "المخطط الاستراتيجي", null, default)).Value;
        var items = new List<NewPlanItem>();
        for (var a = 1; a <= 5; a++)
        {
            var axis = Guid.NewGuid();
            items.Add(new NewPlanItem(axis, null, PlanItemKind.Axis, $"Axe de mesure {a}", $"المحور {a}"));
            for (var o = 1; o <= 4; o++)
            {
                var objective = Guid.NewGuid();
                items.Add(new NewPlanItem(objective, axis, PlanItemKind.Objective, $"Objectif {a}.{o}", $"الهدف {a}.{o}"));
                for (var x = 1; x <= 6; x++)
                {
                    items.Add(new NewPlanItem(Guid.NewGuid(), objective, PlanItemKind.Action, $"Action {a}.{o}.{x}", $"الإجراء {a}.{o}.{x}") { Progress = 10 });
                }
            }
        }

        if (!(await plans.AddItemsAsync(principal, planId, items, default)).Succeeded)
        {
            throw new InvalidOperationException("The plan's rows were refused.");
        }

        var axes = items.Where(i => i.Kind == PlanItemKind.Axis).Select(i => i.Id).ToList();
        for (var a = 0; a < axes.Count; a++)
        {
            await plans.MoveItemAsync(principal, axes[a], null, a, default);
        }

        return (documents, planId);
    }

    /// <summary>Circuits opened and not yet closed (disposed) on this node.</summary>
    /// <summary>The bytes Kestrel's memory pool holds free for reuse (its <c>aspnetcore.memory_pool.pooled</c> counter).</summary>
    private sealed class PooledBytes : IDisposable
    {
        private readonly MeterListener listener = new();
        private long bytes;

        public PooledBytes()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument is { Meter.Name: "Microsoft.AspNetCore.MemoryPool", Name: "aspnetcore.memory_pool.pooled" })
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, delta, _, _) => Interlocked.Add(ref bytes, delta));
            listener.Start();
        }

        public long Bytes => Interlocked.Read(ref bytes);

        public void Dispose() => listener.Dispose();
    }

    private sealed class CircuitCounter
    {
        private int open;

        public int Open => Volatile.Read(ref open);

        public void Opened() => Interlocked.Increment(ref open);

        public void Closed() => Interlocked.Decrement(ref open);

        public async Task WaitForAsync(int count, TimeSpan patience)
        {
            var until = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
            while (Open > count && Stopwatch.GetTimestamp() < until)
            {
                await tick.WaitForNextTickAsync();
            }
        }
    }

    private sealed class CountingHandler(CircuitCounter counter) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            counter.Opened();
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            counter.Closed();
            return Task.CompletedTask;
        }
    }

    private sealed class AppFactory : WebApplicationFactory<web::Program>
    {
        private readonly string databaseFile;
        private readonly CircuitCounter counter;

        public AppFactory(string databaseFile, int port, CircuitCounter counter)
        {
            this.databaseFile = databaseFile;
            this.counter = counter;
            UseKestrel(port);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(counter);
                services.AddScoped<CircuitHandler, CountingHandler>();
            });
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:SeedDemoData", "true");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("ConnectionStrings:Noress", $"Data Source={databaseFile}");
            builder.UseSetting("RateLimiting:PermitLimit", "1000000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Email:PickupDirectory", Path.Combine(Path.GetTempPath(), $"noress-circuits-mail-{Guid.NewGuid():N}"));
        }
    }
}
