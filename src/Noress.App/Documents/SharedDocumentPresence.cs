using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Noress.App.Shared.RealTime;
using StackExchange.Redis;

namespace Noress.App.Documents;

/// <summary>
/// Document presence shared by the nodes through Redis (ADR 0048): one hash per document (connection id → the
/// node that holds it and its presence), and one key per live node that the node renews every keep-alive and that
/// expires after the client timeout. An entry whose node key is gone belongs to a node that died without a word
/// (SIGKILL, power cut): readers drop it.
/// </summary>
public sealed partial class SharedDocumentPresence(
    IConnectionMultiplexer redis,
    IOptions<RealTimeOptions> realTime,
    IOptions<DocumentOptions> documents,
    ILogger<SharedDocumentPresence> logger)
{
    // Long enough for any open tab (a node renews the entries of its connections every keep-alive), short enough
    // that a hash left by a deployment that went away does not stay for ever.
    private static readonly TimeSpan DocumentKeyLifetime = TimeSpan.FromDays(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string prefix = $"{realTime.Value.ChannelPrefix}:presence";

    /// <summary>This node's id in the presence entries (a new one per start: a restarted node is a new node).</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>How long a node's key lives without renewal: the time a client may stay silent before the hub drops it.</summary>
    public TimeSpan NodeLifetime => TimeSpan.FromSeconds(documents.Value.ClientTimeoutSeconds);

    private IDatabase Database => redis.GetDatabase();

    public async Task SetAsync(Guid documentId, PresenceDto presence)
    {
        try
        {
            var key = DocumentKey(documentId);
            var value = JsonSerializer.Serialize(new Entry(NodeId, presence), Json);
            await Task.WhenAll(
                Database.HashSetAsync(key, presence.ConnectionId, value),
                Database.KeyExpireAsync(key, DocumentKeyLifetime));
        }
        catch (RedisException e)
        {
            // Presence is best effort: people on this node still see each other; the next keep-alive writes it again.
            LogFailed(e, "write");
        }
    }

    public async Task RemoveAsync(Guid documentId, IReadOnlyList<string> connectionIds)
    {
        if (connectionIds.Count == 0)
        {
            return;
        }

        try
        {
            await Database.HashDeleteAsync(DocumentKey(documentId), [.. connectionIds.Select(c => (RedisValue)c)]);
        }
        catch (RedisException e)
        {
            LogFailed(e, "remove");
        }
    }

    /// <summary>The presence entries of live nodes; entries of dead nodes are removed and their connection ids returned.</summary>
    public async Task<SharedPresenceRead> InAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        try
        {
            var fields = await Database.HashGetAllAsync(DocumentKey(documentId)).WaitAsync(cancellationToken);
            var entries = new List<(string ConnectionId, Entry? Entry)>(fields.Length);
            foreach (var field in fields)
            {
                entries.Add((field.Name.ToString(), Parse(field.Value)));
            }

            var nodes = entries.Select(e => e.Entry?.Node).OfType<string>().Where(n => n != NodeId).Distinct().ToList();
            var alive = new HashSet<string>([NodeId]);
            var checks = nodes.Select(async n => (Node: n, Alive: await Database.KeyExistsAsync(NodeKey(n)))).ToList();
            foreach (var check in await Task.WhenAll(checks))
            {
                if (check.Alive)
                {
                    alive.Add(check.Node);
                }
            }

            var present = entries.Where(e => e.Entry is { } entry && alive.Contains(entry.Node)).Select(e => e.Entry!.Presence).ToList();
            var gone = entries.Where(e => e.Entry is not { } entry || !alive.Contains(entry.Node)).Select(e => e.ConnectionId).ToList();
            await RemoveAsync(documentId, gone);
            return new SharedPresenceRead(present, gone);
        }
        catch (RedisException e)
        {
            LogFailed(e, "read");
            return new SharedPresenceRead([], []);
        }
    }

    /// <summary>Says this node is alive for another <see cref="NodeLifetime"/> (the value names the machine, for an operator reading Redis).</summary>
    public async Task BeatAsync()
    {
        try
        {
            await Database.StringSetAsync(NodeKey(NodeId), Environment.MachineName, NodeLifetime);
        }
        catch (RedisException e)
        {
            LogFailed(e, "renew");
        }
    }

    /// <summary>This node stops: its entries go at once for every reader.</summary>
    public async Task ForgetNodeAsync()
    {
        try
        {
            await Database.KeyDeleteAsync(NodeKey(NodeId));
        }
        catch (RedisException e)
        {
            LogFailed(e, "remove");
        }
    }

    /// <summary>Marks a node dead at once, as its key expiring would (for tests of a node killed without a word).</summary>
    internal Task ForgetNodeAsync(string nodeId) => Database.KeyDeleteAsync(NodeKey(nodeId));

    private RedisKey DocumentKey(Guid documentId) => $"{prefix}:doc:{documentId:N}";

    private RedisKey NodeKey(string nodeId) => $"{prefix}:node:{nodeId}";

    private static Entry? Parse(RedisValue value)
    {
        try
        {
            return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<Entry>(value.ToString(), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Entry(string Node, PresenceDto Presence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {Operation} document presence in Redis")]
    private partial void LogFailed(Exception exception, string operation);
}

/// <summary>What Redis holds for a document: who is there on live nodes, and the connections of dead nodes just removed.</summary>
public sealed record SharedPresenceRead(IReadOnlyList<PresenceDto> Present, IReadOnlyList<string> Gone);
