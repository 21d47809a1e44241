using System.Collections.Concurrent;

namespace Noress.App.Documents;

/// <summary>
/// Who is in which document. Each node keeps its own connections here; with several nodes the whole list lives in
/// Redis too (<see cref="SharedDocumentPresence"/>), so a person joining on one node sees at once who is already in
/// the document through another (ADR 0048).
/// </summary>
public sealed class DocumentPresence(SharedDocumentPresence? shared = null)
{
    // Distinct on light and dark backgrounds, readable with white text (each at least 4.5:1: presence chips carry names).
    internal static readonly string[] Palette =
        ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#b34700", "#00797f", "#ad1457", "#4e342e", "#283593", "#33691e", "#bf360c", "#00695c"];

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, PresenceDto>> documents = new();

    /// <summary>A stable colour for a person: the same in every document and on every node.</summary>
    public static string ColorFor(Guid userId)
    {
        var bytes = userId.ToByteArray();
        var hash = 17;
        foreach (var b in bytes)
        {
            hash = unchecked((hash * 31) + b);
        }

        return Palette[(int)((uint)hash % (uint)Palette.Length)];
    }

    /// <summary>The connections of this node in the document.</summary>
    public IReadOnlyList<PresenceDto> In(Guid documentId) =>
        documents.TryGetValue(documentId, out var connections) ? [.. connections.Values] : [];

    /// <summary>How many connections of this node are in the document.</summary>
    public int CountIn(Guid documentId) => documents.TryGetValue(documentId, out var connections) ? connections.Count : 0;

    /// <summary>The documents that have connections on this node, with those connections.</summary>
    public IReadOnlyList<(Guid DocumentId, IReadOnlyList<PresenceDto> Connections)> Local() =>
        [.. documents.Select(d => (d.Key, (IReadOnlyList<PresenceDto>)[.. d.Value.Values])).Where(d => d.Item2.Count > 0)];

    /// <summary>Everyone in the document on every node (this node's own connections from memory, the others from Redis).</summary>
    public async Task<IReadOnlyList<PresenceDto>> EveryoneInAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        var local = In(documentId);
        if (shared is null)
        {
            return local;
        }

        var everyone = (await shared.InAsync(documentId, cancellationToken)).Present.ToDictionary(p => p.ConnectionId);
        foreach (var presence in local)
        {
            // This node knows its own connections best (Redis may lag by a write, or have restarted empty).
            everyone[presence.ConnectionId] = presence;
        }

        return [.. everyone.Values];
    }

    public void Set(Guid documentId, PresenceDto presence) =>
        documents.GetOrAdd(documentId, _ => new ConcurrentDictionary<string, PresenceDto>())[presence.ConnectionId] = presence;

    /// <summary>Sets a connection's presence here and, with several nodes, where the others read it.</summary>
    public async Task SetAsync(Guid documentId, PresenceDto presence)
    {
        Set(documentId, presence);
        if (shared is not null)
        {
            await shared.SetAsync(documentId, presence);
        }
    }

    public PresenceDto? Get(Guid documentId, string connectionId) =>
        documents.TryGetValue(documentId, out var connections) && connections.TryGetValue(connectionId, out var presence) ? presence : null;

    public bool Remove(Guid documentId, string connectionId) =>
        documents.TryGetValue(documentId, out var connections) && connections.TryRemove(connectionId, out _);

    /// <summary>Removes a connection from a document, here and for the other nodes; true when it was there.</summary>
    public async Task<bool> RemoveAsync(Guid documentId, string connectionId)
    {
        var removed = Remove(documentId, connectionId);
        if (removed && shared is not null)
        {
            await shared.RemoveAsync(documentId, [connectionId]);
        }

        return removed;
    }

    /// <summary>Removes a closed connection everywhere; returns the documents it was in.</summary>
    public IReadOnlyList<Guid> RemoveConnection(string connectionId) =>
        [.. documents.Where(d => d.Value.TryRemove(connectionId, out _)).Select(d => d.Key)];

    /// <summary>Removes a closed connection here and for the other nodes; returns the documents it was in.</summary>
    public async Task<IReadOnlyList<Guid>> RemoveConnectionAsync(string connectionId)
    {
        var left = RemoveConnection(connectionId);
        if (shared is not null)
        {
            foreach (var documentId in left)
            {
                await shared.RemoveAsync(documentId, [connectionId]);
            }
        }

        return left;
    }
}
