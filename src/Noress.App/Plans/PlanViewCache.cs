using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Shared.RealTime;
using Noress.App.Shared.Time;

namespace Noress.App.Plans;

/// <summary>What a live page asks of the cache: the current view, or one that includes changes it heard of or made.</summary>
public sealed record PlanViewRequest
{
    private PlanViewRequest(IReadOnlyList<BusEvent>? events, IReadOnlyCollection<Guid>? rows, bool whole)
    {
        Events = events;
        Rows = rows;
        Whole = whole;
    }

    /// <summary>Bus events of the plan's topic: each change is read once per node however many pages heard it.</summary>
    public IReadOnlyList<BusEvent>? Events { get; }

    /// <summary>Rows the page itself just changed: read again now (its own event may not have arrived yet).</summary>
    public IReadOnlyCollection<Guid>? Rows { get; }

    /// <summary>Read the whole plan again (the page changed its shape).</summary>
    public bool Whole { get; }

    /// <summary>What the cache holds (read whole when it holds nothing yet).</summary>
    public static PlanViewRequest Current { get; } = new(null, null, false);

    public static PlanViewRequest All { get; } = new(null, null, true);

    public static PlanViewRequest Heard(IReadOnlyList<BusEvent> events) => new(events, null, false);

    public static PlanViewRequest Changed(IReadOnlyCollection<Guid> rows) => new(null, rows, false);
}

/// <summary>One state of a plan as every page of it on this node shares it: the stored data and the view built from them.</summary>
public sealed class PlanViewSnapshot
{
    internal PlanViewSnapshot(PlanData data, PlanView view)
    {
        Data = data;
        View = view;
        Editable = view with { Plan = view.Plan with { CanEdit = true } };
    }

    internal PlanData Data { get; }

    public ActionPlan Plan => Data.Plan;

    /// <summary>The view for a reader (<see cref="PlanSummary.CanEdit"/> false).</summary>
    public PlanView View { get; }

    /// <summary>The same view for an editor: the rows and lists are the same objects.</summary>
    public PlanView Editable { get; }
}

/// <summary>
/// A node's shared read model of the plans open on it (ADR 0034): one snapshot per plan while a page holds a lease, kept
/// current by the plan's own bus events. A change of some rows reads those rows only (<see cref="PlanData.ReadItemsAsync"/>)
/// and the roll-ups are recomputed in memory; the rows that did not change keep their records, so pages compare them by
/// reference. However many pages of the plan heard a change, the node reads it once: every change carries an id, and a
/// request for a change already read, or being read, joins that read.
/// </summary>
public sealed class PlanViewCache(IDbContextFactory<NoressDbContext> dbFactory, IEventBus bus, TimeProvider clock, ILogger<PlanViewCache> logger)
{
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal) { PlanEvents.Items, PlanEvents.Structure, PlanEvents.Plan };

    private readonly Dictionary<Guid, Entry> entries = [];

    /// <summary>Counts the reads done, whole and partial (for the tests and the benchmark).</summary>
    public long WholeReads => Interlocked.Read(ref wholeReads);

    public long RowReads => Interlocked.Read(ref rowReads);

    private long wholeReads;
    private long rowReads;

    private DateOnly Today => NoressClock.Today(clock);

    private ILogger Logger => logger;

    /// <summary>Keeps the plan's snapshot on this node until the lease is disposed (a page holds one while open).</summary>
    public PlanViewLease Open(Guid planId)
    {
        lock (entries)
        {
            if (!entries.TryGetValue(planId, out var entry))
            {
                entry = new Entry(this, planId);
                entries[planId] = entry;
                // Subscribed before the first read: a change committed meanwhile is read after it.
                entry.Subscription = bus.Subscribe(Topics.Plan(planId), e =>
                {
                    if (Kinds.Contains(e.Kind))
                    {
                        _ = entry.RequestAsync(PlanViewRequest.Heard([e]));
                    }

                    return Task.CompletedTask;
                });
            }

            entry.Leases++;
            return new PlanViewLease(entry.RequestAsync, () => Release(entry));
        }
    }

    private void Release(Entry entry)
    {
        lock (entries)
        {
            if (--entry.Leases == 0)
            {
                entries.Remove(entry.PlanId);
                entry.Subscription?.Dispose();
            }
        }
    }

    /// <summary>The snapshot of one plan and the reads in progress or waiting.</summary>
    private sealed class Entry(PlanViewCache cache, Guid planId)
    {
        private const int Remembered = 512;

        // Changes already read, oldest first: a late request for one of them is answered from the snapshot.
        private readonly HashSet<Guid> applied = [];
        private readonly Queue<Guid> appliedOrder = new();
        private readonly Dictionary<Guid, Round> scheduled = [];
        private PlanViewSnapshot? current;
        private Round? queued;
        private Round? running;
        private bool reading;

        public Guid PlanId { get; } = planId;

        public int Leases { get; set; }

        public IDisposable? Subscription { get; set; }

        public async Task<PlanViewSnapshot?> RequestAsync(PlanViewRequest request)
        {
            List<Task> waits = [];
            var start = false;
            // Read before the lock: 350 pages hearing one change wait on this lock together (ADR 0057).
            var heard = (request.Events ?? []).Where(e => Kinds.Contains(e.Kind)).Select(e => (e.Kind, Change: PlanChange.Parse(e.Payload))).ToList();
            lock (this)
            {
                if (request.Whole)
                {
                    waits.Add(Queue(null).Done.Task);
                }
                else if (current is null && request.Rows is null)
                {
                    // Nothing read yet: join the first read rather than queue another.
                    waits.Add((queued ?? running ?? Queue(null)).Done.Task);
                }
                else if (request.Rows is { } rows)
                {
                    waits.Add(Queue(rows).Done.Task);
                }

                foreach (var (kind, change) in heard)
                {
                    if (change is not null && applied.Contains(change.ChangeId))
                    {
                        continue;
                    }

                    if (change is not null && scheduled.TryGetValue(change.ChangeId, out var round))
                    {
                        waits.Add(round.Done.Task);
                        continue;
                    }

                    var next = Queue(kind == PlanEvents.Items && change is not null ? [.. change.Items.Select(i => i.Id)] : null);
                    if (change is not null)
                    {
                        next.Changes.Add(change.ChangeId);
                        scheduled[change.ChangeId] = next;
                    }

                    waits.Add(next.Done.Task);
                }

                if (waits.Count > 0 && !reading)
                {
                    reading = true;
                    start = true;
                }
            }

            if (start)
            {
                // Not awaited: the caller waits for its round only; the loop resumes on no page's dispatcher.
                _ = ReadLoopAsync();
            }

            await Task.WhenAll(waits);
            lock (this)
            {
                if (current is { } snapshot && snapshot.View.Today != cache.Today)
                {
                    // Late flags move with the day, without any change.
                    current = new PlanViewSnapshot(snapshot.Data, snapshot.Data.Build(cache.Today, false));
                }

                return current;
            }
        }

        /// <summary>The round not started yet, with these rows (null: the whole plan) added to it.</summary>
        private Round Queue(IReadOnlyCollection<Guid>? rows)
        {
            queued ??= new Round();
            if (rows is null || current is null)
            {
                queued.Whole = true;
            }
            else
            {
                queued.Rows.UnionWith(rows);
            }

            return queued;
        }

        private async Task ReadLoopAsync()
        {
            while (true)
            {
                Round round;
                PlanViewSnapshot? before;
                lock (this)
                {
                    if (queued is null)
                    {
                        reading = false;
                        return;
                    }

                    round = queued;
                    queued = null;
                    running = round;
                    before = current;
                }

                try
                {
                    var after = await cache.ReadAsync(PlanId, before, round.Whole ? null : round.Rows).ConfigureAwait(false);
                    lock (this)
                    {
                        current = after;
                        running = null;
                        foreach (var id in round.Changes)
                        {
                            scheduled.Remove(id);
                            if (applied.Add(id))
                            {
                                appliedOrder.Enqueue(id);
                            }
                        }

                        while (appliedOrder.Count > Remembered)
                        {
                            applied.Remove(appliedOrder.Dequeue());
                        }
                    }

                    round.Done.TrySetResult();
                }
                catch (Exception e)
                {
                    lock (this)
                    {
                        // The next request reads the whole plan again.
                        current = null;
                        running = null;
                        foreach (var id in round.Changes)
                        {
                            scheduled.Remove(id);
                        }
                    }

                    cache.Logger.LogWarning(e, "Could not read plan {PlanId}", PlanId);
                    round.Done.TrySetException(e);
                }
            }
        }
    }

    private sealed class Round
    {
        public bool Whole { get; set; }

        public HashSet<Guid> Rows { get; } = [];

        public List<Guid> Changes { get; } = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Reads the plan again, whole or only <paramref name="rows"/>; rows equal to the previous snapshot's keep their records.</summary>
    private async Task<PlanViewSnapshot?> ReadAsync(Guid planId, PlanViewSnapshot? before, IReadOnlyCollection<Guid>? rows)
    {
        await using var db = await dbFactory.CreateDbContextAsync().ConfigureAwait(false);
        PlanData? data = null;
        if (before is not null && rows is not null)
        {
            Interlocked.Increment(ref rowReads);
            data = rows.Count == 0 ? before.Data : await before.Data.ReadItemsAsync(db, rows, CancellationToken.None).ConfigureAwait(false);
        }

        if (data is null)
        {
            Interlocked.Increment(ref wholeReads);
            var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId).ConfigureAwait(false);
            if (plan is null)
            {
                return null;
            }

            data = await PlanData.ReadAsync(db, plan, CancellationToken.None).ConfigureAwait(false);
        }

        var view = data.Build(Today, false);
        return new PlanViewSnapshot(data, before is null ? view : view with { Rows = PlanRows.KeepUnchanged(before.View.Rows, view.Rows) });
    }
}

/// <summary>A page's hold on a plan's shared snapshot (<see cref="PlanViewCache.Open"/>); disposing it lets the node forget the plan.</summary>
public sealed class PlanViewLease : IDisposable
{
    private readonly Func<PlanViewRequest, Task<PlanViewSnapshot?>> request;
    private readonly Action release;
    private int disposed;

    internal PlanViewLease(Func<PlanViewRequest, Task<PlanViewSnapshot?>> request, Action release)
    {
        this.request = request;
        this.release = release;
    }

    public Task<PlanViewSnapshot?> GetAsync(PlanViewRequest request, CancellationToken ct) =>
        this.request(request).WaitAsync(ct);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            release();
        }
    }
}
