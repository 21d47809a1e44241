using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Noress.App.Shared.RealTime;

/// <summary>
/// The multi-node bus: delivers to this node's subscribers at once and relays the event to the other
/// nodes over one Redis channel. Each event carries its origin node so a node never delivers its own event twice.
/// </summary>
public sealed partial class RedisEventBus(
    IConnectionMultiplexer redis,
    InProcessEventBus local,
    IOptions<RealTimeOptions> options,
    ILogger<RedisEventBus> logger) : IEventBus, IHostedService
{
    private readonly RedisChannel channel = RedisChannel.Literal($"{options.Value.ChannelPrefix}:events");
    private readonly string nodeId = Guid.NewGuid().ToString("N");
    private ChannelMessageQueue? queue;

    public async Task PublishAsync(string topic, BusEvent message, CancellationToken cancellationToken = default)
    {
        await local.DeliverAsync(topic, message);
        var envelope = JsonSerializer.Serialize(new Envelope(nodeId, topic, message.Kind, message.Payload));
        try
        {
            await redis.GetSubscriber().PublishAsync(channel, envelope);
        }
        catch (RedisException ex)
        {
            // Live updates are a convenience over state already saved: other nodes catch up on their next read.
            LogPublishFailed(ex, topic, message.Kind);
        }
    }

    public IDisposable Subscribe(string topic, Func<BusEvent, Task> handler) => local.Subscribe(topic, handler);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The queue hands messages over one at a time, so events from one node arrive in the order they were published.
        queue = await redis.GetSubscriber().SubscribeAsync(channel);
        queue.OnMessage(ReceiveAsync);
        LogListening(channel.ToString(), nodeId);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (queue is not null)
        {
            await queue.UnsubscribeAsync();
        }
    }

    private async Task ReceiveAsync(ChannelMessage message)
    {
        Envelope? envelope = null;
        try
        {
            envelope = message.Message.IsNullOrEmpty ? null : JsonSerializer.Deserialize<Envelope>((string)message.Message!);
        }
        catch (JsonException)
        {
        }

        if (envelope is not { Origin: not null, Topic: not null, Kind: not null })
        {
            LogMalformed(message.Channel.ToString());
            return;
        }

        if (envelope.Origin != nodeId)
        {
            await local.DeliverAsync(envelope.Topic, new BusEvent(envelope.Kind, envelope.Payload));
        }
    }

    private sealed record Envelope(string Origin, string Topic, string Kind, string? Payload);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event bus listening on Redis channel {Channel} as node {NodeId}")]
    private partial void LogListening(string channel, string nodeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not relay {Kind} on {Topic} to the other nodes")]
    private partial void LogPublishFailed(Exception exception, string topic, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed event on Redis channel {Channel}")]
    private partial void LogMalformed(string channel);
}
