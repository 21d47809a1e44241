using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Playwright;

namespace Noress.Benchmarks;

/// <summary>
/// Thousands of idle signed-in circuits held by one node, and what a person using the app meanwhile gets: the circuits are
/// opened by <see cref="BlazorCircuitClient"/> (no browser: the circuit's protocol only), the probe person is a real
/// Chromium page whose clicks on the menu button are timed until the drawer's class changes. At each count: the server's
/// live heap after forced full collections (and the marginal cost per circuit), its working set, the circuits it holds,
/// its CPU while the circuits are idle, and the probe's click-to-DOM percentiles.
/// Run: dotnet run -c Release --project tests/Noress.Benchmarks -- circuits-idle [--page dashboard|institution|plan]
///   [--count 250,1000,2000] [--probe 100] [--concurrency 16] [--idle 10] [--gc server|workstation] [--port 47410]
/// </summary>
internal static class CircuitsIdleBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var pageName = Bench.Option(args, "--page", "dashboard");
        var counts = Bench.Option(args, "--count", "250,1000,2000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Order().ToList();
        var probes = int.Parse(Bench.Option(args, "--probe", "100"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Bench.Option(args, "--concurrency", "16"), CultureInfo.InvariantCulture);
        var idleSeconds = int.Parse(Bench.Option(args, "--idle", "10"), CultureInfo.InvariantCulture);
        var serverGc = Bench.Option(args, "--gc", "server") == "server";
        var user = Bench.Option(args, "--user", "secretariat@noress.demo");
        var port = Bench.Option(args, "--port", "47410");
        // Below this much available memory the machine is not holding more circuits; stop before the kernel has to choose.
        var reserveMb = int.Parse(Bench.Option(args, "--reserve-mb", "1500"), CultureInfo.InvariantCulture);

        var started = Stopwatch.GetTimestamp();
        await using var server = await CircuitsServerProcess.StartAsync(port, 1, serverGc);
        var path = pageName switch
        {
            "dashboard" => "/",
            "institution" => $"/members/{server.Institution}",
            "plan" => $"/action-plans/{server.PlanId}",
            _ => throw new ArgumentException($"Unknown page {pageName} (the document page's editor hub is not simulated)."),
        };
        var cookies = await CircuitsHarness.SignInAsync(server.Address, user);
        var jar = new CookieContainer();
        foreach (var cookie in cookies)
        {
            jar.Add(server.Address, new System.Net.Cookie(cookie.Name, cookie.Value, "/"));
        }

        // One HTTP client for every page load, as one browser's connection pool; the circuits' WebSockets are their own.
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = server.Address,
            Timeout = TimeSpan.FromMinutes(3),
        };
        http.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-MA");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Idle circuits: page {pageName} ({path}) as {user}, counts {string.Join(',', counts)}, {concurrency} opened at a time, probe {probes} clicks, server pid {server.Pid} ({(serverGc ? "server" : "workstation")} GC, log {server.LogFile}), {Environment.ProcessorCount} logical CPUs, {Uptime()}"));

        using var playwright = probes > 0 ? await Playwright.CreateAsync() : null;
        await using var browser = playwright is null ? null : await CircuitsHarness.LaunchChromiumAsync(playwright);
        // The probe's own circuit is open throughout: every count below includes it.
        await using var probe = browser is null ? null : await CircuitProbe.OpenAsync(browser, server.Address, cookies);

        var stats = new CircuitClientStats();
        var circuits = new List<BlazorCircuitClient>();
        var failedOpens = 0;
        string? stopped = null;

        Console.WriteLine();
        Console.WriteLine("| circuits held | live heap | marginal per circuit | server working set | server CPU while idle | probe click → DOM p50 / p95 / p99 | opened in | load (1 min) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var previous = await MeasureAsync(server, probe, probes, idleSeconds, 0);
        Console.WriteLine(previous.Row(null));
        foreach (var count in counts)
        {
            var opening = Stopwatch.GetTimestamp();
            var target = count - circuits.Count;
            var next = 0;
            var failedHere = 0;
            // Opened in parallel by a fixed number of workers, each loading a page and starting its circuit.
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (Volatile.Read(ref stopped) is null && Interlocked.Increment(ref next) <= target)
                {
                    try
                    {
                        var circuit = await BlazorCircuitClient.OpenAsync(http, jar, path, stats, TimeSpan.FromMinutes(3));
                        lock (circuits)
                        {
                            circuits.Add(circuit);
                        }
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        stats.Remember($"open: {e.GetType().Name}: {e.Message}");
                        // A few failures are the load's; many are the machine's limit.
                        if (Interlocked.Increment(ref failedHere) > Math.Max(10, count / 100))
                        {
                            Interlocked.CompareExchange(ref stopped, $"more than {Math.Max(10, count / 100)} circuits failed to open ({e.Message})", null);
                        }
                    }

                    if (MemoryAvailableMb() is var available and > 0 && available < reserveMb)
                    {
                        Interlocked.CompareExchange(ref stopped, $"{available} MB of memory left (reserve {reserveMb} MB)", null);
                    }
                }
            }));
            failedOpens += failedHere;
            var openSeconds = Bench.Milliseconds(opening, Stopwatch.GetTimestamp()) / 1000;

            // Idle: no render batch or JS call for two seconds (at most a minute after the last open).
            var settling = Stopwatch.GetTimestamp();
            while (stats.QuietFor < 2000 && Bench.Milliseconds(settling, Stopwatch.GetTimestamp()) < 60_000)
            {
                await Task.Delay(250);
            }

            var measured = await MeasureAsync(server, probe, probes, idleSeconds, openSeconds);
            Console.WriteLine(measured.Row(previous));
            var open = circuits.Count(c => !c.Closed);
            if (measured.Held < open + (probe is null ? 0 : 1) || stats.DroppedConnections > 0 || failedHere > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  at {count}: {open} client circuits open, {stats.DroppedConnections} connections dropped, {failedHere} failed to open, the server holds {measured.Held}"));
            }

            previous = measured;
            if (stopped is not null)
            {
                Console.WriteLine($"Stopped at {circuits.Count} circuits (asked {count}): {stopped}.");
                break;
            }
        }

        // The circuits were really up and stayed up: non-trivial first renders, every JS call answered, nothing failed.
        var firsts = circuits.Select(c => c.RenderedBytes).Order().ToList();
        if (firsts.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"render batches per circuit once its components were added: min {firsts[0]:N0} B, median {firsts[firsts.Count / 2]:N0} B, max {firsts[^1]:N0} B; {stats.Batches:N0} batches ({stats.BatchBytes / 1048576.0:F1} MB) acknowledged in all"));
        }

        Console.WriteLine("JS calls answered, per circuit (identifier, result type 0 value / 1 object / 3 void):");
        foreach (var (identifier, resultType, n) in stats.Calls)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n / (double)Math.Max(1, circuits.Count + failedOpens),6:F2}  {identifier} ({resultType})"));
        }

        var (errors, warnings) = server.LogCounts;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"client: {stats.Errors} circuit errors (JS.Error), {stats.DroppedConnections} dropped connections, {failedOpens} failed opens, working set {Sampler.WorkingSet() / 1048576.0:F0} MB; server log: {errors} errors, {warnings} warnings ({server.LogFile})"));
        foreach (var line in stats.FirstFailures.Concat(server.FirstErrors))
        {
            Console.WriteLine($"  {line}");
        }

        // Leaving: every circuit as a closed tab (the disconnect beacon, then the socket); the server must let go of them.
        var closing = Stopwatch.GetTimestamp();
        foreach (var chunk in circuits.Chunk(64))
        {
            await Task.WhenAll(chunk.Select(c => c.CloseAsync(http)));
        }

        var after = await server.WaitForCircuitsAsync(probe is null ? 0 : 1, TimeSpan.FromSeconds(60));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after closing {circuits.Count} circuits: the server holds {after.Circuits} (the probe's included) after {Bench.Milliseconds(closing, Stopwatch.GetTimestamp()) / 1000:F1} s, heap {after.Heap / 1048576.0:F1} MB; whole run {Bench.Milliseconds(started, Stopwatch.GetTimestamp()) / 1000:F0} s, {Uptime()}"));
        return stopped is null && errors == 0 && stats.Errors == 0 && after.Circuits <= (probe is null ? 0 : 1) ? 0 : 1;
    }

    /// <summary>Idle CPU over a window, then the heap (forced collections), the working set and the probe's clicks.</summary>
    private static async Task<Measure> MeasureAsync(CircuitsServerProcess server, CircuitProbe? probe, int clicks, int idleSeconds, double openSeconds)
    {
        var cpu = server.Cpu();
        var window = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var idle = (server.Cpu() - cpu) / (Bench.Milliseconds(window, Stopwatch.GetTimestamp()) / 1000);
        var (heap, held, _) = await server.HeapAsync();
        var workingSet = server.WorkingSet();
        var times = probe is not null && clicks > 0 ? await probe.MeasureAsync(clicks) : null;
        return new Measure(held, heap, workingSet, idle, times, openSeconds, Bench.LoadAverage());
    }

    /// <summary>MemAvailable from /proc/meminfo, in MB (0 when unknown).</summary>
    private static long MemoryAvailableMb()
    {
        if (!File.Exists("/proc/meminfo"))
        {
            return 0;
        }

        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string Uptime() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "load ?";

    private sealed record Measure(int Held, long Heap, long WorkingSet, double IdleCores, ProbeTimes? Probe, double OpenSeconds, string Load)
    {
        public string Row(Measure? before)
        {
            var marginal = before is not null && Held > before.Held
                ? string.Create(CultureInfo.InvariantCulture, $"{(Heap - before.Heap) / 1024.0 / (Held - before.Held):F0} KB")
                : "–";
            var probe = Probe is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p.P50:F1} / {p.P95:F1} / {p.P99:F1} ms") : "–";
            return string.Create(CultureInfo.InvariantCulture,
                $"| {Held:N0} | {Heap / 1048576.0:F0} MB | {marginal} | {WorkingSet / 1048576.0:F0} MB | {IdleCores * 100:F1} % of a core | {probe} | {OpenSeconds:F0} s | {Load} |");
        }
    }
}
