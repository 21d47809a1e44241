using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Noress.App.Shared.RealTime;

/// <summary>The single-node bus: delivers to this process's subscribers only.</summary>
public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private readonly ConcurrentDictionary<string, ImmutableHandlers> handlers = new();

    public Task PublishAsync(string topic, BusEvent message, CancellationToken cancellationToken = default) =>
        DeliverAsync(topic, message);

    public IDisposable Subscribe(string topic, Func<BusEvent, Task> handler)
    {
        handlers.AddOrUpdate(topic, _ => new ImmutableHandlers([handler]), (_, h) => h.With(handler));
        return new Subscription(this, topic, handler);
    }

    /// <summary>Runs every local handler of <paramref name="topic"/>; one failing handler does not stop the others.</summary>
    internal async Task DeliverAsync(string topic, BusEvent message)
    {
        if (!handlers.TryGetValue(topic, out var current))
        {
            return;
        }

        foreach (var handler in current.Items)
        {
            try
            {
                await handler(message);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Subscriber of {Topic} failed on {Kind}", topic, message.Kind);
            }
        }
    }

    private void Unsubscribe(string topic, Func<BusEvent, Task> handler)
    {
        while (handlers.TryGetValue(topic, out var current))
        {
            var next = current.Without(handler);
            var done = next.Items.Count == 0
                ? handlers.TryRemove(new KeyValuePair<string, ImmutableHandlers>(topic, current))
                : handlers.TryUpdate(topic, next, current);
            if (done)
            {
                return;
            }
        }
    }

    private sealed record ImmutableHandlers(IReadOnlyList<Func<BusEvent, Task>> Items)
    {
        public ImmutableHandlers With(Func<BusEvent, Task> handler) => new([.. Items, handler]);

        /// <summary>Removes one registration only: a component may subscribe the same method twice.</summary>
        public ImmutableHandlers Without(Func<BusEvent, Task> handler)
        {
            var items = Items.ToList();
            var index = items.FindIndex(h => ReferenceEquals(h, handler));
            if (index >= 0)
            {
                items.RemoveAt(index);
            }

            return new(items);
        }
    }

    private sealed class Subscription(InProcessEventBus bus, string topic, Func<BusEvent, Task> handler) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                bus.Unsubscribe(topic, handler);
            }
        }
    }
}
