using System.Collections.Concurrent;
using System.Text.Json;
using Noress.App.Documents;
using Noress.App.Shared.RealTime;

namespace Noress.App.Plans.Grid;

/// <summary>Someone editing a row of a plan, as every grid of the plan shows it.</summary>
public sealed record PlanPresenceEntry(string Session, Guid UserId, string Name, Guid RowId, string Color);

/// <summary>
/// Who is editing which row of which plan, on every node (ADR 0031). Announcements travel on the plan's bus topic
/// (kind <see cref="Kind"/>), so they cross nodes like the plan's changes; a grid that opens asks, and the editors
/// already there answer at once. Entries are short-lived: editors announce again every <see cref="Heartbeat"/>, and an
/// entry not heard of for <see cref="Expiry"/> is dropped (a node that died says nothing). One subscription per plan
/// and node, shared by the node's grids of that plan.
/// </summary>
public sealed class PlanPresence : IDisposable
{
    /// <summary>The bus kind of presence announcements on <see cref="Topics.Plan"/> (grids following changes leave it out).</summary>
    public const string Kind = "presence";

    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(75);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IEventBus bus;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<Guid, PlanState> plans = new();
    private readonly ITimer timer;

    public PlanPresence(IEventBus bus, TimeProvider clock)
    {
        this.bus = bus;
        this.clock = clock;
        timer = clock.CreateTimer(_ => _ = TickAsync(), null, Heartbeat, Heartbeat);
    }

    /// <summary>Opens a grid's presence on a plan: it sees the row editors from now on, and asks those already there to say so.</summary>
    public async Task<PlanPresenceSession> JoinAsync(Guid planId, Guid userId, string name, Action changed)
    {
        var state = plans.GetOrAdd(planId, id => new PlanState(bus.Subscribe(Topics.Plan(id), e => ReceiveAsync(id, e))));
        var session = new PlanPresenceSession(this, planId, Guid.NewGuid().ToString("N"), userId, name, changed);
        lock (state)
        {
            state.Local.Add(session);
        }

        await PublishAsync(planId, new Message(Op.Hello, session.Id, userId, name, null));
        return session;
    }

    /// <summary>The row editors of a plan, known on this node (the caller's own included).</summary>
    public IReadOnlyList<PlanPresenceEntry> In(Guid planId)
    {
        if (!plans.TryGetValue(planId, out var state))
        {
            return [];
        }

        lock (state)
        {
            return [.. state.Entries.Values.Select(e => e.Entry)];
        }
    }

    internal async Task SetRowAsync(PlanPresenceSession session, Guid? rowId)
    {
        session.RowId = rowId;
        await PublishAsync(session.PlanId, new Message(rowId is null ? Op.Bye : Op.Here, session.Id, session.UserId, session.Name, rowId));
    }

    internal async Task LeaveAsync(PlanPresenceSession session)
    {
        if (!plans.TryGetValue(session.PlanId, out var state))
        {
            return;
        }

        bool last;
        lock (state)
        {
            state.Local.Remove(session);
            last = state.Local.Count == 0;
        }

        await PublishAsync(session.PlanId, new Message(Op.Bye, session.Id, session.UserId, session.Name, null));
        if (last && plans.TryRemove(new KeyValuePair<Guid, PlanState>(session.PlanId, state)))
        {
            lock (state)
            {
                if (state.Local.Count > 0)
                {
                    // A grid joined while the last one left: keep the plan followed.
                    plans.TryAdd(session.PlanId, state);
                    return;
                }
            }

            state.Subscription.Dispose();
        }
    }

    private async Task PublishAsync(Guid planId, Message message)
    {
        // The bus delivers to this node at once too: the registry is updated by the same path for every node.
        await bus.PublishAsync(Topics.Plan(planId), new BusEvent(Kind, JsonSerializer.Serialize(message, Json)));
    }

    private async Task ReceiveAsync(Guid planId, BusEvent e)
    {
        if (e.Kind != Kind || !plans.TryGetValue(planId, out var state))
        {
            return;
        }

        Message? message;
        try
        {
            message = JsonSerializer.Deserialize<Message>(e.Payload ?? string.Empty, Json);
        }
        catch (JsonException)
        {
            return;
        }

        if (message is null || string.IsNullOrEmpty(message.Session))
        {
            return;
        }

        List<PlanPresenceSession> answer = [];
        bool changed;
        lock (state)
        {
            switch (message.Op)
            {
                case Op.Here when message.Row is { } row:
                    var entry = new PlanPresenceEntry(message.Session, message.User, message.Name ?? string.Empty, row, DocumentPresence.ColorFor(message.User));
                    changed = !state.Entries.TryGetValue(message.Session, out var before) || before.Entry != entry;
                    state.Entries[message.Session] = (entry, clock.GetUtcNow());
                    break;
                case Op.Hello:
                    // Someone opened the plan: the editors here say where they are, so the newcomer does not wait for them to move.
                    answer = [.. state.Local.Where(s => s.RowId is not null && s.Id != message.Session)];
                    changed = false;
                    break;
                default:
                    changed = state.Entries.Remove(message.Session);
                    break;
            }
        }

        foreach (var session in answer)
        {
            await PublishAsync(planId, new Message(Op.Here, session.Id, session.UserId, session.Name, session.RowId));
        }

        if (changed)
        {
            Notify(state);
        }
    }

    private async Task TickAsync()
    {
        var now = clock.GetUtcNow();
        foreach (var (planId, state) in plans)
        {
            List<PlanPresenceSession> editors;
            bool expired;
            lock (state)
            {
                editors = [.. state.Local.Where(s => s.RowId is not null)];
                var stale = state.Entries.Where(e => now - e.Value.Seen > Expiry).Select(e => e.Key).ToList();
                stale.ForEach(k => state.Entries.Remove(k));
                expired = stale.Count > 0;
            }

            foreach (var session in editors)
            {
                await PublishAsync(planId, new Message(Op.Here, session.Id, session.UserId, session.Name, session.RowId));
            }

            if (expired)
            {
                Notify(state);
            }
        }
    }

    private static void Notify(PlanState state)
    {
        PlanPresenceSession[] local;
        lock (state)
        {
            local = [.. state.Local];
        }

        foreach (var session in local)
        {
            session.Changed();
        }
    }

    public void Dispose()
    {
        timer.Dispose();
        foreach (var state in plans.Values)
        {
            state.Subscription.Dispose();
        }
    }

    private enum Op
    {
        Hello,
        Here,
        Bye,
    }

    private sealed record Message(Op Op, string Session, Guid User, string? Name, Guid? Row);

    private sealed class PlanState(IDisposable subscription)
    {
        public IDisposable Subscription { get; } = subscription;

        public List<PlanPresenceSession> Local { get; } = [];

        public Dictionary<string, (PlanPresenceEntry Entry, DateTimeOffset Seen)> Entries { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>One grid's presence on a plan: say which row it edits (null: none); dispose when the grid goes away.</summary>
public sealed class PlanPresenceSession : IAsyncDisposable
{
    private readonly PlanPresence presence;
    private int left;

    internal PlanPresenceSession(PlanPresence presence, Guid planId, string id, Guid userId, string name, Action changed)
    {
        this.presence = presence;
        PlanId = planId;
        Id = id;
        UserId = userId;
        Name = name;
        Changed = changed;
    }

    public Guid PlanId { get; }

    public string Id { get; }

    public Guid UserId { get; }

    public string Name { get; }

    public Guid? RowId { get; internal set; }

    internal Action Changed { get; }

    /// <summary>Announces the row this grid edits now (null: none); nothing is sent when it did not change.</summary>
    public Task EditingAsync(Guid? rowId) => RowId == rowId || Volatile.Read(ref left) == 1 ? Task.CompletedTask : presence.SetRowAsync(this, rowId);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref left, 1) == 0)
        {
            await presence.LeaveAsync(this);
        }
    }
}
