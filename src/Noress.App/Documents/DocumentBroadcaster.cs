using Microsoft.AspNetCore.SignalR;

namespace Noress.App.Documents;

/// <summary>Sends accepted updates to the document's group (across nodes through the Redis backplane when configured).</summary>
public sealed class DocumentBroadcaster(IHubContext<DocumentHub> hub)
{
    public static string Group(Guid documentId) => $"doc:{documentId}";

    public Task UpdatesAsync(Guid documentId, IReadOnlyList<AcceptedUpdate> updates, int version, CancellationToken cancellationToken = default) =>
        hub.Clients.Group(Group(documentId)).SendAsync("Updates", documentId, updates.Select(UpdateDto.From).ToList(), version, cancellationToken);

    /// <summary>Comment threads or suggestions changed: clients reload them through the services.</summary>
    public Task AnnotationsChangedAsync(Guid documentId, CancellationToken cancellationToken = default) =>
        hub.Clients.Group(Group(documentId)).SendAsync("AnnotationsChanged", documentId, cancellationToken);
}
