using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Shared.RealTime;

namespace Noress.App.Documents;

/// <summary>
/// Sends accepted updates to the document's group (across nodes through the Redis backplane when configured),
/// and tells the pages that show the document without an editor (history, comments) through the event bus.
/// </summary>
public sealed class DocumentBroadcaster(IHubContext<DocumentHub> hub, IEventBus bus, IDbContextFactory<NoressDbContext> dbFactory)
{
    public const string UpdatedEvent = "updated";
    public const string AnnotationsEvent = "annotations";

    // A document never changes space, so its committee (or none) is looked up once per node.
    private readonly ConcurrentDictionary<Guid, Guid?> committeeOf = new();

    public static string Group(Guid documentId) => $"doc:{documentId}";

    public async Task UpdatesAsync(Guid documentId, IReadOnlyList<AcceptedUpdate> updates, int version, CancellationToken cancellationToken = default)
    {
        // Editors first: their latency is the one people feel.
        await hub.Clients.Group(Group(documentId)).SendAsync("Updates", documentId, updates.Select(UpdateDto.From).ToList(), version, cancellationToken);
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
}
