// The benchmark reads render batches as a circuit does before sending them: that is the RenderTree API.
#pragma warning disable BL0006

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Plans;
using Noress.App.Plans.Grid;
using Noress.App.Shared.RealTime;

namespace Noress.Benchmarks;

/// <summary>
/// 350 people watching one action plan's grid while edits arrive at 10 per second. Each viewer is what a Blazor Server
/// circuit holds for the page: a DI scope of the node (the circuit's scope, with the viewer's authentication state and
/// location) and a renderer of its own running the real <see cref="PlanGridPage"/> and its rows; the render batches it
/// produces are serialized with the server's own batch writer, as a circuit does before sending them (the SignalR hop and
/// the browser are not included). Edits go through <see cref="PlanService.EditItemAsync"/>. Measured: the time from an
/// edit's announcement (after its commit) until it is in a render batch of every viewer, the rows rendered per update, the
/// bytes of the batches and of the bus event, the process's CPU per delivered update, and the managed heap per open page
/// (after a forced full collection, at several counts of open pages).
/// Run: dotnet run -c Release --project tests/Noress.Benchmarks -- plans-viewers [--provider sqlite|postgres] [--viewers 350]
///   [--rate 10] [--edits 300] [--steps 0,50,100,200,350] [--axes 5] [--objectives 4] [--actions 6] [--runs 1]
/// NORESS_BENCH_HOLD (seconds) keeps the idle pages open that long before the edits, for a heap dump.
/// </summary>
internal static class PlansViewersBenchmark
{
    private const string Marker = "révision ";

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Bench.Provider(args);
        var viewers = Int(args, "--viewers", 350);
        var rate = Int(args, "--rate", 10);
        var edits = Int(args, "--edits", 300);
        var shape = (Axes: Int(args, "--axes", 5), Objectives: Int(args, "--objectives", 4), Actions: Int(args, "--actions", 6));
        var steps = Bench.Option(args, "--steps", "0,50,100,200,350").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Where(s => s <= viewers).ToList();
        if (!steps.Contains(viewers))
        {
            steps.Add(viewers);
        }

        var runs = Int(args, "--runs", 1);
        Bench.FindContentRoot();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Plans viewers: {provider}, {viewers} viewers of one plan ({shape.Axes} axes x {shape.Objectives} objectives x {shape.Actions} actions), {edits} edits at {rate}/s, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}"));
        var ok = true;
        for (var run = 1; run <= runs; run++)
        {
            var loadBefore = Bench.LoadAverage();
            var database = BenchDatabase.Create(provider);
            try
            {
                await using var node = new BenchNode(database, null, services => services.AddScoped<IJSRuntime, SilentJs>());
                var stage = await Stage.PrepareAsync(node.Services, shape, viewers);
                ok &= await stage.RunAsync(run, viewers, steps, rate, edits, loadBefore);
            }
            finally
            {
                database.Drop();
            }
        }

        return ok ? 0 : 1;
    }

    private static int Int(string[] args, string name, int fallback) => int.Parse(Bench.Option(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string F(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);

    private static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * percent / 100) - 1, 0, sorted.Count - 1)];

    private static long Heap()
    {
        Bench.CollectFully();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The node, the plan, the editor and the open pages.</summary>
    private sealed class Stage(IServiceProvider services, Guid planId, ClaimsPrincipal editor, List<Guid> actions, Dictionary<Guid, Guid?> parents, List<ClaimsPrincipal> readers)
    {
        private readonly List<Viewer> open = [];
        private readonly ConcurrentDictionary<Guid, (long At, int Bytes)> announced = new();

        /// <summary>
        /// The plan reads of the node's shared snapshot (PlanViewCache, ADR 0034), found by name so the same benchmark also
        /// runs on the code before it (then no counts: every page read the whole plan itself).
        /// </summary>
        private sealed class ReadCounter(IServiceProvider services)
        {
            private static readonly Type? CacheType = typeof(PlanService).Assembly.GetType("Noress.App.Plans.PlanViewCache");
            private readonly object? cache = CacheType is null ? null : services.GetService(CacheType);

            public long WholeReads => Count("WholeReads");

            public long RowReads => Count("RowReads");

            private long Count(string name) => cache is null ? -1 : (long)CacheType!.GetProperty(name)!.GetValue(cache)!;
        }

        public static async Task<Stage> PrepareAsync(IServiceProvider services, (int Axes, int Objectives, int Actions) shape, int viewers)
        {
            ClaimsPrincipal secretariat;
            var readers = await ReadersAsync(services, viewers);
            await using (var scope = services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
                var user = await users.FindByEmailAsync("secretariat@noress.demo") ?? throw new InvalidOperationException("No secretariat user.");
                secretariat = Bench.Principal(user.Id, user.Email!, [.. await users.GetRolesAsync(user)]);
            }

            await using var planScope = services.CreateAsyncScope();
            var plans = planScope.ServiceProvider.GetRequiredService<PlanService>();
            var planId = await plans.FindAsync(PlanKind.Strategic, null, default) ?? Ok(await plans.CreatePlanAsync(secretariat, PlanKind.Strategic, null, "Plan stratégique", "المخطط الاستراتيجي", null, default));
            var items = new List<NewPlanItem>();
            var actions = new List<Guid>();
            var parents = new Dictionary<Guid, Guid?>();
            for (var a = 1; a <= shape.Axes; a++)
            {
                var axis = Guid.NewGuid();
                items.Add(new NewPlanItem(axis, null, PlanItemKind.Axis, $"Axe de mesure {a}", $"المحور {a}"));
                parents[axis] = null;
                for (var o = 1; o <= shape.Objectives; o++)
                {
                    var objective = Guid.NewGuid();
                    items.Add(new NewPlanItem(objective, axis, PlanItemKind.Objective, $"Objectif {a}.{o}", $"الهدف {a}.{o}"));
                    parents[objective] = axis;
                    for (var x = 1; x <= shape.Actions; x++)
                    {
                        var action = Guid.NewGuid();
                        items.Add(new NewPlanItem(action, objective, PlanItemKind.Action, $"Action {a}.{o}.{x}", $"الإجراء {a}.{o}.{x}") { Progress = 10 });
                        parents[action] = objective;
                        actions.Add(action);
                    }
                }
            }

            var added = await plans.AddItemsAsync(secretariat, planId, items, default);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException($"Refused: {added.Error}");
            }

            // The grid renders a window of its first rows (ADR 0045): the benchmark's axes go first and the edits go to the
            // actions a viewer has on screen (an edit outside the window renders nothing and sends nothing).
            var axes = items.Where(i => i.Kind == PlanItemKind.Axis).Select(i => i.Id).ToList();
            for (var a = 0; a < axes.Count; a++)
            {
                Ok(await plans.MoveItemAsync(secretariat, axes[a], null, a, default));
            }

            var view = await plans.LoadAsync(secretariat, planId, default) ?? throw new InvalidOperationException("No plan.");
            var windowed = view.Rows.Take(PlanGridPage.WindowRows).Select(r => r.Id).ToHashSet();
            actions = [.. actions.Where(windowed.Contains)];
            return new Stage(services, planId, secretariat, actions, parents, readers);
        }

        /// <summary>
        /// One member account per viewer, signed in as the login does (its security stamp among the claims): each page's
        /// circuit revalidates its person every minute against the database, as in life (a made-up person would be
        /// signed out after a minute and its page go blank).
        /// </summary>
        private static async Task<List<ClaimsPrincipal>> ReadersAsync(IServiceProvider services, int count)
        {
            await using var scope = services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var principals = provider.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>();
            var normalizer = provider.GetRequiredService<ILookupNormalizer>();
            await using var db = await provider.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
            var memberRole = await db.Roles.SingleAsync(r => r.Name == Roles.Member);
            var people = Enumerable.Range(0, count).Select(i =>
            {
                // Added in one save (UserManager would take a save and a role query per person: minutes for 350 here).
                var email = string.Create(CultureInfo.InvariantCulture, $"viewer{i}@bench.test");
                return new NoressUser
                {
                    UserName = email,
                    NormalizedUserName = normalizer.NormalizeName(email),
                    Email = email,
                    NormalizedEmail = normalizer.NormalizeEmail(email),
                    EmailConfirmed = true,
                    FullName = string.Create(CultureInfo.InvariantCulture, $"Lecteur {i}"),
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                };
            }).ToList();
            db.Users.AddRange(people);
            db.UserRoles.AddRange(people.Select(p => new IdentityUserRole<Guid> { UserId = p.Id, RoleId = memberRole.Id }));
            await db.SaveChangesAsync();

            var readers = new List<ClaimsPrincipal>(count);
            foreach (var person in people)
            {
                readers.Add(await principals.CreateAsync(person));
            }

            return readers;
        }

        private static Guid Ok(Noress.App.Shared.Operations.Outcome<Guid> outcome) =>
            outcome.Succeeded ? outcome.Value : throw new InvalidOperationException($"Refused: {outcome.Error}");

        public async Task<bool> RunAsync(int run, int viewers, List<int> steps, int rate, int edits, string loadBefore)
        {
            // Subscribed before any page: the first handler of the plan's topic sees each change the moment it is announced.
            using var timing = services.GetRequiredService<IEventBus>().Subscribe(Topics.Plan(planId), e =>
            {
                if (e.Kind == PlanEvents.Items && PlanChange.Parse(e.Payload) is { Items: [var item, ..] } && item.Version is { } version)
                {
                    announced[version] = (Stopwatch.GetTimestamp(), Topics.Plan(planId).Length + e.Kind.Length + (e.Payload?.Length ?? 0));
                }

                return Task.CompletedTask;
            });

            // Memory: pages opened in steps, the heap measured after a forced full collection at each count.
            var heaps = new List<(int Pages, long Heap)> { (0, Heap()) };
            var cache = new ReadCounter(services);
            foreach (var step in steps.Where(s => s > 0))
            {
                var opening = Enumerable.Range(open.Count, step - open.Count).Select(i => new Viewer(readers[i], services, planId)).ToList();
                foreach (var chunk in opening.Chunk(8))
                {
                    await Task.WhenAll(chunk.Select(v => v.OpenAsync()));
                }

                open.AddRange(opening);
                heaps.Add((open.Count, Heap()));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {open.Count} pages open, heap {heaps[^1].Heap / 1048576.0:F1} MB, {open.Sum(v => v.RowComponents)} row components, plan reads so far: {cache.WholeReads} whole, {cache.RowReads} partial"));
            }

            var failures = open.Where(v => v.Failure is not null).Select(v => v.Failure!.Message).Distinct().ToList();
            if (failures.Count > 0 || open.Any(v => v.RowComponents == 0))
            {
                Console.Error.WriteLine($"Pages failed to render: {string.Join("; ", failures)}");
                return false;
            }

            if (int.TryParse(Environment.GetEnvironmentVariable("NORESS_BENCH_HOLD"), CultureInfo.InvariantCulture, out var hold) && hold > 0)
            {
                // Time to take a heap dump of the idle pages: dotnet-gcdump collect -p <pid>.
                Console.WriteLine($"pid {Environment.ProcessId}: {open.Count} idle pages, holding {hold} s");
                await Task.Delay(TimeSpan.FromSeconds(hold));
            }

            // Warm-up edits (JIT, EF's query cache), then the measured ones.
            await EditAsync(Math.Max(10, rate * 2), rate, 0, measure: false);
            var readsBefore = (cache.WholeReads, cache.RowReads);
            var cpuBefore = Sampler.Cpu();
            var begin = Stopwatch.GetTimestamp();
            var (saved, calls) = await EditAsync(edits, rate, 100_000, measure: true);
            var all = await Bench.WithinAsync(Task.WhenAll(open.Select(v => v.SawAllAsync(saved.Keys))), TimeSpan.FromSeconds(60));
            var cpu = Sampler.Cpu() - cpuBefore;
            var seconds = Bench.Milliseconds(begin, Stopwatch.GetTimestamp()) / 1000;
            var readsAfter = (cache.WholeReads, cache.RowReads);
            var loadAfter = Bench.LoadAverage();

            // Per edit: until its last viewer had it; per delivery: each viewer and edit.
            var perEdit = new List<double>();
            var perDelivery = new List<double>();
            var missing = 0;
            foreach (var (marker, at) in saved)
            {
                var seen = open.Select(v => v.SeenAt(marker)).ToList();
                missing += seen.Count(s => s == 0);
                perDelivery.AddRange(seen.Where(s => s != 0).Select(s => Bench.Milliseconds(at, s)));
                if (seen.All(s => s != 0))
                {
                    perEdit.Add(Bench.Milliseconds(at, seen.Max()));
                }
            }

            perEdit.Sort();
            perDelivery.Sort();
            var deliveries = (double)saved.Count * open.Count;
            var rowsRendered = open.Sum(v => v.MeasuredRowRenders);
            var otherRows = open.Sum(v => v.MeasuredOtherRowRenders);
            var bytes = open.Sum(v => v.MeasuredBytes);
            var batches = open.Sum(v => v.MeasuredBatches);
            var eventBytes = saved.Count == 0 ? 0 : announced.Values.Where(a => a.At >= begin).Select(a => (double)a.Bytes).DefaultIfEmpty(0).Average();
            calls.Sort();

            Console.WriteLine();
            Console.WriteLine($"run {run}: load average {loadBefore} at start, {loadAfter} at end; {open.Count} pages; {saved.Count} edits in {F(seconds)} s");
            Console.WriteLine($"  edit → every viewer (ms): p50 {F(Percentile(perEdit, 50))}, p95 {F(Percentile(perEdit, 95))}, p99 {F(Percentile(perEdit, 99))}, max {F(perEdit.LastOrDefault())}; edits seen by all: {perEdit.Count} of {saved.Count}, deliveries missing: {missing}");
            Console.WriteLine($"  edit → one viewer (ms, each delivery): p50 {F(Percentile(perDelivery, 50))}, p95 {F(Percentile(perDelivery, 95))}, p99 {F(Percentile(perDelivery, 99))}");
            Console.WriteLine($"  save call (EditItemAsync, ms): p50 {F(Percentile(calls, 50))}, p95 {F(Percentile(calls, 95))}");
            Console.WriteLine($"  CPU: {F(cpu, "F2")} s over {F(seconds)} s ({F(cpu / seconds * 100, "F0")} % of one core); {F(cpu / deliveries * 1e6, "F0")} µs per delivered update, {F(cpu / saved.Count * 1000, "F1")} ms per edit (saves included)");
            Console.WriteLine($"  rendered per delivered update: {F(rowsRendered / deliveries, "F2")} row components (the edited action and the ancestors whose roll-up moved), other rows: {otherRows}; {F(batches / deliveries, "F2")} batches, {F(bytes / deliveries, "F0")} bytes of render batch");
            Console.WriteLine($"  bus event: {F(eventBytes, "F0")} bytes (topic + kind + payload); plan reads during the edits: {readsAfter.WholeReads - readsBefore.WholeReads} whole, {readsAfter.RowReads - readsBefore.RowReads} partial");
            Console.WriteLine("  heap after a forced full GC, by open pages:");
            for (var i = 0; i < heaps.Count; i++)
            {
                var marginal = i == 0 ? string.Empty : $", marginal {F((heaps[i].Heap - heaps[i - 1].Heap) / 1024.0 / (heaps[i].Pages - heaps[i - 1].Pages), "F0")} KB per page";
                Console.WriteLine($"    {heaps[i].Pages,4} pages: {F(heaps[i].Heap / 1048576.0)} MB{marginal}");
            }

            var perPage = (heaps[^1].Heap - heaps[Math.Min(1, heaps.Count - 1)].Heap) / 1024.0 / Math.Max(1, heaps[^1].Pages - heaps[Math.Min(1, heaps.Count - 1)].Pages);
            Console.WriteLine($"  per page from {heaps[Math.Min(1, heaps.Count - 1)].Pages} to {heaps[^1].Pages} pages: {F(perPage, "F0")} KB");

            foreach (var viewer in open)
            {
                await viewer.DisposeAsync();
            }

            open.Clear();
            return all && missing == 0 && otherRows == 0;
        }

        /// <summary>Edits actions in turn at <paramref name="rate"/> per second (title and progress), as one editor would.</summary>
        private async Task<(Dictionary<int, long> Saved, List<double> Calls)> EditAsync(int count, int rate, int firstMarker, bool measure)
        {
            foreach (var viewer in open)
            {
                viewer.Measuring = measure;
            }

            var saved = new Dictionary<int, long>();
            var calls = new List<double>();
            var start = Stopwatch.GetTimestamp();
            await using var scope = services.CreateAsyncScope();
            var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
            var view = await plans.LoadAsync(editor, planId, default) ?? throw new InvalidOperationException("No plan.");
            for (var i = 0; i < count; i++)
            {
                var due = start + (long)(i * Stopwatch.Frequency / (double)rate);
                if (due > Stopwatch.GetTimestamp())
                {
                    await Task.Delay(TimeSpan.FromSeconds((due - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));
                }

                var marker = firstMarker + i;
                var id = actions[marker % actions.Count];
                var row = view.Row(id)!;
                var progress = (row.Progress + 7) % 100;
                var title = string.Create(CultureInfo.InvariantCulture, $"Action {marker % actions.Count} — {Marker}{marker:D6}");
                if (measure)
                {
                    foreach (var viewer in open)
                    {
                        viewer.Expect(marker, Lineage(id));
                    }
                }

                var call = Stopwatch.GetTimestamp();
                var outcome = await plans.EditItemAsync(editor, id, row.Version,
                    [FieldEdit.Of(PlanField.TitleFr, row.TitleFr, title), FieldEdit.Of(PlanField.Progress, row.Progress, progress)], default);
                calls.Add(Bench.Milliseconds(call, Stopwatch.GetTimestamp()));
                if (outcome is not { Succeeded: true, Value.Saved: true })
                {
                    throw new InvalidOperationException($"Edit refused: {outcome.Error}");
                }

                var version = outcome.Value!.Version;
                view = view with { Rows = [.. view.Rows.Select(r => r.Id == id ? r with { TitleFr = title, Progress = progress, Version = version } : r)] };
                if (measure && announced.TryGetValue(version, out var at))
                {
                    saved[marker] = at.At;
                }
            }

            if (!measure)
            {
                // Every page shows the warm-up's last edit before anything is measured.
                await Bench.WithinAsync(Task.WhenAll(open.Select(v => v.SawAllAsync([firstMarker + count - 1]))), TimeSpan.FromSeconds(60));
                await Bench.WithinAsync(Task.WhenAll(open.Select(v => v.IdleAsync())), TimeSpan.FromSeconds(30));
            }

            return (saved, calls);
        }

        private HashSet<Guid> Lineage(Guid id)
        {
            var set = new HashSet<Guid>();
            for (Guid? current = id; current is { } c; current = parents.GetValueOrDefault(c))
            {
                set.Add(c);
            }

            return set;
        }
    }

    /// <summary>
    /// One open plan page as a circuit holds it: its DI scope, authentication state and location, and a renderer of its own
    /// (its own dispatcher, as each circuit has) running <see cref="PlanGridPage"/>. Batches are measured as the server would
    /// send them.
    /// </summary>
    private sealed class Viewer : IAsyncDisposable
    {
        private static readonly Func<RenderBatch, int>? BatchSize = BatchWriter();
        private readonly AsyncServiceScope scope;
        private readonly Guid planId;
        private readonly ViewerRenderer renderer;
        private readonly ConcurrentDictionary<int, long> seen = new();
        private readonly ConcurrentDictionary<int, HashSet<Guid>> expected = new();
        private readonly ConcurrentDictionary<int, TaskCompletionSource> waiting = new();

        public Viewer(ClaimsPrincipal principal, IServiceProvider services, Guid planId)
        {
            scope = services.CreateAsyncScope();
            this.planId = planId;
            var provider = scope.ServiceProvider;
            ((IHostEnvironmentAuthenticationStateProvider)provider.GetRequiredService<AuthenticationStateProvider>())
                .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            ((IHostEnvironmentNavigationManager)provider.GetRequiredService<NavigationManager>())
                .Initialize("https://noress.bench/", $"https://noress.bench/action-plans/{planId}");
            renderer = new ViewerRenderer(provider, provider.GetRequiredService<ILoggerFactory>(), this);
        }

        public Exception? Failure { get; private set; }

        public int RowComponents { get; private set; }

        public bool Measuring { get; set; }

        public long MeasuredBytes;

        public long MeasuredBatches;

        public long MeasuredRowRenders;

        public long MeasuredOtherRowRenders;

        public Task OpenAsync() => renderer.MountAsync(planId);

        /// <summary>Edit <paramref name="marker"/> may re-render these rows (the edited one and its ancestors), no other.</summary>
        public void Expect(int marker, HashSet<Guid> lineage) => expected[marker] = lineage;

        public long SeenAt(int marker) => seen.GetValueOrDefault(marker);

        public Task SawAllAsync(IEnumerable<int> markers)
        {
            var tasks = new List<Task>();
            foreach (var marker in markers)
            {
                var done = waiting.GetOrAdd(marker, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                if (seen.ContainsKey(marker))
                {
                    done.TrySetResult();
                }

                tasks.Add(done.Task);
            }

            return Task.WhenAll(tasks);
        }

        /// <summary>Waits until the page's dispatcher has run what was queued on it.</summary>
        public Task IdleAsync() => renderer.Dispatcher.InvokeAsync(() => { });

        public void Failed(Exception e) => Failure ??= e;

        public void Rendered(ViewerRenderer from, in RenderBatch batch)
        {
            var now = Stopwatch.GetTimestamp();
            var found = new List<int>();
            var frames = batch.ReferenceFrames;
            for (var i = 0; i < frames.Count; i++)
            {
                ref var frame = ref frames.Array[i];
                var text = frame.FrameType switch
                {
                    RenderTreeFrameType.Text => frame.TextContent,
                    RenderTreeFrameType.Markup => frame.MarkupContent,
                    _ => null,
                };
                var at = text?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
                if (at >= 0 && text!.Length >= at + Marker.Length + 6
                    && int.TryParse(text.AsSpan(at + Marker.Length, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var marker))
                {
                    found.Add(marker);
                    if (seen.TryAdd(marker, now) && waiting.TryGetValue(marker, out var done))
                    {
                        done.TrySetResult();
                    }
                }
            }

            // The rows this batch may re-render: those of the edits it shows.
            var allowed = found.SelectMany(m => expected.GetValueOrDefault(m) ?? []).ToHashSet();
            var rows = 0;
            var others = 0;
            for (var i = 0; i < batch.UpdatedComponents.Count; i++)
            {
                if (from.RowOf(batch.UpdatedComponents.Array[i].ComponentId) is { } row)
                {
                    rows++;
                    others += allowed.Contains(row) ? 0 : 1;
                }
            }

            if (!Measuring)
            {
                RowComponents = Math.Max(RowComponents, rows);
                return;
            }

            Interlocked.Increment(ref MeasuredBatches);
            Interlocked.Add(ref MeasuredRowRenders, rows);
            Interlocked.Add(ref MeasuredOtherRowRenders, others);
            Interlocked.Add(ref MeasuredBytes, BatchSize?.Invoke(batch) ?? 0);
        }

        /// <summary>The server's own render batch writer (internal to Components.Server), as a circuit serializes a batch.</summary>
        private static Func<RenderBatch, int>? BatchWriter()
        {
            var type = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.Circuits.RenderBatchWriter");
            var write = type?.GetMethod("Write", BindingFlags.Public | BindingFlags.Instance);
            if (type is null || write is null)
            {
                Console.Error.WriteLine("RenderBatchWriter not found: batch bytes are not measured.");
                return null;
            }

            // One buffer per thread, reused: the server writes a batch into a pooled buffer too, not a new growing stream.
            var buffers = new ThreadLocal<MemoryStream>(() => new MemoryStream(16384));
            return batch =>
            {
                var stream = buffers.Value!;
                stream.SetLength(0);
                using (var writer = (IDisposable)Activator.CreateInstance(type, stream, true)!)
                {
                    write.Invoke(writer, [batch]);
                }

                return (int)stream.Length;
            };
        }

        public async ValueTask DisposeAsync()
        {
            await renderer.Dispatcher.InvokeAsync(renderer.Dispose);
            await scope.DisposeAsync();
        }
    }

    /// <summary>A renderer like a circuit's: one dispatcher per page; batches go to the viewer instead of a WebSocket.</summary>
    private sealed class ViewerRenderer(IServiceProvider services, ILoggerFactory logs, Viewer viewer) : Renderer(services, logs)
    {
        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        public Task MountAsync(Guid planId) => Dispatcher.InvokeAsync(async () =>
        {
            var page = InstantiateComponent(typeof(PlanGridPage));
            var id = AssignRootComponentId(page);
            await RenderRootComponentAsync(id, ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(PlanGridPage.PlanId)] = planId }));
        });

        public Guid? RowOf(int componentId) => GetComponentState(componentId).Component is PlanGridRow row ? row.Row.Id : null;

        protected override void HandleException(Exception exception) => viewer.Failed(exception);

        protected override Task UpdateDisplayAsync(in RenderBatch batch)
        {
            viewer.Rendered(this, batch);
            return Task.CompletedTask;
        }
    }

    /// <summary>No browser: the grid of a reader calls no script, and nothing here should wait on one.</summary>
    private sealed class SilentJs : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);
    }
}
