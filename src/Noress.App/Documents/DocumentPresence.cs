using System.Collections.Concurrent;

namespace Noress.App.Documents;

/// <summary>Who is in which document, per node (each node knows its own connections; changes go out to the whole group).</summary>
public sealed class DocumentPresence
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

    public IReadOnlyList<PresenceDto> In(Guid documentId) =>
        documents.TryGetValue(documentId, out var connections) ? [.. connections.Values] : [];

    public void Set(Guid documentId, PresenceDto presence) =>
        documents.GetOrAdd(documentId, _ => new ConcurrentDictionary<string, PresenceDto>())[presence.ConnectionId] = presence;

    public PresenceDto? Get(Guid documentId, string connectionId) =>
        documents.TryGetValue(documentId, out var connections) && connections.TryGetValue(connectionId, out var presence) ? presence : null;

    public bool Remove(Guid documentId, string connectionId) =>
        documents.TryGetValue(documentId, out var connections) && connections.TryRemove(connectionId, out _);

    /// <summary>Removes a closed connection everywhere; returns the documents it was in.</summary>
    public IReadOnlyList<Guid> RemoveConnection(string connectionId) =>
        [.. documents.Where(d => d.Value.TryRemove(connectionId, out _)).Select(d => d.Key)];
}
