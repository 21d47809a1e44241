using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Data;
using Noress.App.Shared.RealTime;
using Noress.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace Noress.IntegrationTests.RealTime;

/// <summary>Two app nodes on one database, joined by the Redis server of the test run.</summary>
public sealed class TwoNodeEventBusTests : IAsyncLifetime
{
    // Only guards against a hang when an event never arrives; delivery normally takes milliseconds.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    // Channels of their own, so events of other tests sharing the Redis server never reach these nodes.
    private readonly string channelPrefix = $"noress-test-{Guid.NewGuid():N}";
    private NoressAppFactory nodeA = null!;
    private NoressAppFactory nodeB = null!;

    public Task InitializeAsync()
    {
        nodeA = new NoressAppFactory().WithRedisBus(channelPrefix);
        _ = nodeA.Services; // starts node A, which migrates and seeds, before node B shares its database
        nodeB = NoressAppFactory.OnExistingDatabase(DatabaseProvider.Sqlite, nodeA.ConnectionString).WithRedisBus(channelPrefix);
        _ = nodeB.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await nodeB.DisposeAsync();
        await nodeA.DisposeAsync();
    }

    [Fact]
    public void Bus_WithRedisConfigured_IsTheRedisBus()
    {
        Assert.IsType<RedisEventBus>(Bus(nodeA));
        Assert.IsType<RedisEventBus>(Bus(nodeB));
    }

    [Fact]
    public async Task PublishAsync_OnNodeA_ReachesSubscriberOnNodeB()
    {
        var topic = Topics.User(Guid.NewGuid());
        var received = new TaskCompletionSource<BusEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Bus(nodeB).Subscribe(topic, e =>
        {
            received.TrySetResult(e);
            return Task.CompletedTask;
        });

        await Bus(nodeA).PublishAsync(topic, new BusEvent("notification.created", """{"id":42}"""));

        Assert.Equal(new BusEvent("notification.created", """{"id":42}"""), await received.Task.WaitAsync(HangGuard));
    }

    [Fact]
    public async Task PublishAsync_OnNodeA_DeliversOnceToSubscriberOnNodeA()
    {
        var topic = Topics.Institution(Guid.NewGuid());
        var kindsOnA = new List<string>();
        var markerOnA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var eventOnB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onA = Bus(nodeA).Subscribe(topic, e =>
        {
            lock (kindsOnA)
            {
                kindsOnA.Add(e.Kind);
            }

            if (e.Kind == "marker")
            {
                markerOnA.TrySetResult();
            }

            return Task.CompletedTask;
        });
        using var onB = Bus(nodeB).Subscribe(topic, e =>
        {
            if (e.Kind == "changed")
            {
                eventOnB.TrySetResult();
            }

            return Task.CompletedTask;
        });

        await Bus(nodeA).PublishAsync(topic, new BusEvent("changed"));
        await eventOnB.Task.WaitAsync(HangGuard);
        // Redis delivers in publication order: once B's later marker reaches A, any echo of A's own event would have too.
        await Bus(nodeB).PublishAsync(topic, new BusEvent("marker"));
        await markerOnA.Task.WaitAsync(HangGuard);

        lock (kindsOnA)
        {
            Assert.Equal(["changed", "marker"], kindsOnA);
        }
    }

    [Fact]
    public async Task PublishAsync_OnTopic_DoesNotReachSubscribersOfOtherTopics()
    {
        var watched = Topics.User(Guid.NewGuid());
        var other = Topics.User(Guid.NewGuid());
        var kinds = new List<string>();
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Bus(nodeB).Subscribe(watched, e =>
        {
            lock (kinds)
            {
                kinds.Add(e.Kind);
            }

            marker.TrySetResult();
            return Task.CompletedTask;
        });

        await Bus(nodeA).PublishAsync(other, new BusEvent("elsewhere"));
        await Bus(nodeA).PublishAsync(watched, new BusEvent("here"));
        await marker.Task.WaitAsync(HangGuard);

        lock (kinds)
        {
            Assert.Equal(["here"], kinds);
        }
    }

    [Fact]
    public async Task Receive_OfForeignOrMalformedMessages_IgnoresThemAndKeepsDelivering()
    {
        var topic = Topics.User(Guid.NewGuid());
        var kinds = new List<string>();
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Bus(nodeB).Subscribe(topic, e =>
        {
            lock (kinds)
            {
                kinds.Add(e.Kind);
            }

            marker.TrySetResult();
            return Task.CompletedTask;
        });
        var channel = RedisChannel.Literal($"{channelPrefix}:events");
        var redis = nodeA.Services.GetRequiredService<IConnectionMultiplexer>().GetSubscriber();

        await redis.PublishAsync(channel, "not json");
        await redis.PublishAsync(channel, "null");
        await redis.PublishAsync(channel, $$"""{"Origin":"elsewhere","Topic":"{{topic}}"}""");
        await Bus(nodeA).PublishAsync(topic, new BusEvent("valid"));
        await marker.Task.WaitAsync(HangGuard);

        lock (kinds)
        {
            Assert.Equal(["valid"], kinds);
        }
    }

    [Fact]
    public async Task Health_WithRedisReachable_IsHealthy()
    {
        var response = await nodeB.CreateAnonymousClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString());
    }

    private static IEventBus Bus(NoressAppFactory node) => node.Services.GetRequiredService<IEventBus>();
}
