using Microsoft.Extensions.Logging.Abstractions;
using Noress.App.Shared.RealTime;

namespace Noress.Tests.Shared.RealTime;

public sealed class InProcessEventBusTests
{
    private readonly InProcessEventBus bus = new(NullLogger<InProcessEventBus>.Instance);

    [Fact]
    public async Task PublishAsync_ToSubscribedTopic_DeliversTheEventToEverySubscriber()
    {
        var first = new List<BusEvent>();
        var second = new List<BusEvent>();
        using var a = bus.Subscribe("user:1", Record(first));
        using var b = bus.Subscribe("user:1", Record(second));

        await bus.PublishAsync("user:1", new BusEvent("created", "{}"));

        Assert.Equal([new BusEvent("created", "{}")], first);
        Assert.Equal([new BusEvent("created", "{}")], second);
    }

    [Fact]
    public async Task PublishAsync_AfterSubscriptionDisposed_DoesNotDeliver()
    {
        var received = new List<BusEvent>();
        var kept = new List<BusEvent>();
        var subscription = bus.Subscribe("user:1", Record(received));
        using var other = bus.Subscribe("user:1", Record(kept));

        subscription.Dispose();
        subscription.Dispose();
        await bus.PublishAsync("user:1", new BusEvent("created"));

        Assert.Empty(received);
        Assert.Single(kept);
    }

    [Fact]
    public async Task PublishAsync_ToOtherTopic_DoesNotDeliver()
    {
        var received = new List<BusEvent>();
        using var subscription = bus.Subscribe("user:1", Record(received));

        await bus.PublishAsync("user:2", new BusEvent("created"));
        await bus.PublishAsync("institution:1", new BusEvent("created"));

        Assert.Empty(received);
    }

    [Fact]
    public async Task PublishAsync_WhenOneSubscriberThrows_StillDeliversToTheOthers()
    {
        var received = new List<BusEvent>();
        using var failing = bus.Subscribe("user:1", _ => throw new InvalidOperationException("broken component"));
        using var faulted = bus.Subscribe("user:1", _ => Task.FromException(new InvalidOperationException("broken task")));
        using var working = bus.Subscribe("user:1", Record(received));

        await bus.PublishAsync("user:1", new BusEvent("created"));

        Assert.Single(received);
    }

    [Fact]
    public async Task Dispose_OfOneOfTwoEqualHandlers_KeepsTheOther()
    {
        var received = new List<BusEvent>();
        var handler = Record(received);
        var first = bus.Subscribe("user:1", handler);
        using var second = bus.Subscribe("user:1", handler);

        first.Dispose();
        await bus.PublishAsync("user:1", new BusEvent("created"));

        Assert.Single(received);
    }

    private static Func<BusEvent, Task> Record(List<BusEvent> into) => e =>
    {
        into.Add(e);
        return Task.CompletedTask;
    };
}
