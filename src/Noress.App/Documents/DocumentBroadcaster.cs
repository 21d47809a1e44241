using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Shared.RealTime;

namespace Noress.App.Documents;

/// <summary>
/// Sends accepted updates to the document's group (across nodes through the Redis backplane when configured),
/// and tells the pages that show the document without an editor (history, comments) through the event bus.
/// The editors' pushes are sent in batches (<see cref="Updates"/>): one message per document per tick carries every
/// update accepted since the last one, so each editor gets one message per tick instead of one per push (ADR 0046).
/// </summary>
public sealed partial class DocumentBroadcaster(
    IHubContext<DocumentHub> hub,
    IEventBus bus,
    IDbContextFactory<NoressDbContext> dbFactory,
    DocumentPresence presence,
    IOptions<DocumentOptions> options,
    ILogger<DocumentBroadcaster> logger)
{
    public const string UpdatedEvent = "updated";
    public const string AnnotationsEvent = "annotations";

    // A document never changes space, so its committee (or none) is looked up once per node.
    private readonly ConcurrentDictionary<Guid, Guid?> committeeOf = new();
    private readonly ConcurrentDictionary<Guid, Batch> batches = new();

    public static string Group(Guid documentId) => $"doc:{documentId}";

    /// <summary>Sends <paramref name="updates"/> now (a service's push: a restore, an accepted suggestion).</summary>
    public async Task UpdatesAsync(Guid documentId, IReadOnlyList<AcceptedUpdate> updates, int version, CancellationToken cancellationToken = default)
    {
        // Editors first: their latency is the one people feel.
        await hub.Clients.Group(Group(documentId)).SendAsync("Updates", documentId, updates.Select(UpdateDto.From).ToList(), version, cancellationToken);
        await PublishUpdatedAsync(documentId, cancellationToken);
    }

    /// <summary>
    /// Queues accepted <paramref name="updates"/> for the next tick (<see cref="DocumentOptions.BroadcastTickMilliseconds"/>):
    /// the editors' pushes. One sender per document at a time keeps the messages in version order.
    /// </summary>
    public void Updates(Guid documentId, IReadOnlyList<AcceptedUpdate> updates, int version)
    {
        var batch = batches.GetOrAdd(documentId, _ => new Batch());
        bool start;
        lock (batch)
        {
            batch.Updates.AddRange(updates);
            start = !batch.Sending;
            batch.Sending = true;
        }

        if (start)
        {
            // Runs on its own; failures are logged there (the pushes are stored already, editors pull on a gap).
            _ = SendBatchesAsync(documentId, batch);
        }
    }

    private async Task SendBatchesAsync(Guid documentId, Batch batch)
    {
        while (true)
        {
            // The tick batches transport, not business time: the real clock, even under a test's fake one.
            await Task.Delay(Tick(documentId));

            List<AcceptedUpdate> updates;
            lock (batch)
            {
                updates = batch.Updates;
                batch.Updates = [];
                if (updates.Count == 0)
                {
                    batch.Sending = false;
                    return;
                }
            }

            try
            {
                // Pushes finish in any order: send contiguous runs in version order (an editor pulls over a gap).
                updates.Sort((a, b) => a.Version.CompareTo(b.Version));
                var start = 0;
                for (var i = 1; i <= updates.Count; i++)
                {
                    if (i == updates.Count || updates[i].Version != updates[i - 1].Version + 1)
                    {
                        var run = updates.GetRange(start, i - start);
                        await hub.Clients.Group(Group(documentId)).SendAsync("Updates", documentId, run.Select(UpdateDto.From).ToList(), run[^1].Version);
                        start = i;
                    }
                }

                await PublishUpdatedAsync(documentId, CancellationToken.None);
            }
            catch (Exception exception)
            {
                LogBroadcastFailed(logger, documentId, exception.Message);
            }

        }
    }

    // One base tick per BroadcastEditorsPerTick editors here: each message goes to every editor, so a room twice as
    // large gets messages half as often (each carrying twice the updates) and the sends per second stay level.
    private int Tick(Guid documentId)
    {
        var settings = options.Value;
        var steps = settings.BroadcastEditorsPerTick > 0 ? Math.Max(1, (presence.CountIn(documentId) + settings.BroadcastEditorsPerTick - 1) / settings.BroadcastEditorsPerTick) : 1;
        return Math.Clamp(settings.BroadcastTickMilliseconds * steps, 1, 1000);
    }

    private async Task PublishUpdatedAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await bus.PublishAsync(Topics.Document(documentId), new BusEvent(UpdatedEvent), cancellationToken);
        // The committee's workspace feed shows its documents' changes (ADR 0028); it coalesces the events itself.
        if (await CommitteeOfAsync(documentId, cancellationToken) is { } committee)
        {
            await bus.PublishAsync(Topics.Committee(committee), new BusEvent(CommitteeEvents.Documents), cancellationToken);
        }
    }

    /// <summary>Who may do what on the document changed: open editors join again to learn their right.</summary>
    public Task RightsChangedAsync(Guid documentId, CancellationToken cancellationToken = default) =>
        hub.Clients.Group(Group(documentId)).SendAsync("RightsChanged", documentId, cancellationToken);

    /// <summary>Comment threads or suggestions changed: clients reload them through the services.</summary>
    public async Task AnnotationsChangedAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        await hub.Clients.Group(Group(documentId)).SendAsync("AnnotationsChanged", documentId, cancellationToken);
        await bus.PublishAsync(Topics.Document(documentId), new BusEvent(AnnotationsEvent), cancellationToken);
    }

    private async Task<Guid?> CommitteeOfAsync(Guid documentId, CancellationToken cancellationToken)
    {
        if (committeeOf.TryGetValue(documentId, out var known))
        {
            return known;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var space = await db.Documents.AsNoTracking().Where(d => d.Id == documentId).Select(d => new { d.SpaceKind, d.SpaceId }).SingleOrDefaultAsync(cancellationToken);
        var committee = space is { SpaceKind: DocumentSpaceKind.Committee } ? space.SpaceId : null;
        committeeOf.TryAdd(documentId, committee);
        return committee;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast of updates to document {DocumentId} failed: {Reason}")]
    private static partial void LogBroadcastFailed(ILogger logger, Guid documentId, string reason);

    private sealed class Batch
    {
        public List<AcceptedUpdate> Updates { get; set; } = [];

        /// <summary>A sender runs for this document (it sends what arrives until nothing is left).</summary>
        public bool Sending { get; set; }
    }
}
