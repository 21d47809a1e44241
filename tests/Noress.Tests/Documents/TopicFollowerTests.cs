using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Documents;
using Noress.App.Shared.RealTime;

namespace Noress.Tests.Documents;

public sealed class TopicFollowerTests
{
    private static readonly Guid DocumentId = Guid.Parse("5c1f0e2a-7b3d-4c9e-8f10-2a3b4c5d6e7f");
    private static readonly IReadOnlySet<string> Updated = new HashSet<string> { DocumentBroadcaster.UpdatedEvent };

    private readonly InProcessEventBus bus = new(NullLogger<InProcessEventBus>.Instance);
    private readonly CountingTimeProvider clock = new();
    // Released once per refresh, so a test waits for the refresh itself rather than polling a counter.
    private readonly SemaphoreSlim refreshed = new(0);
    private int refreshes;

    private TopicFollower Follow() => TopicFollower.Start(bus, Topics.Document(DocumentId), Updated, () =>
    {
        Interlocked.Increment(ref refreshes);
        refreshed.Release();
        return Task.CompletedTask;
    }, clock, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task BurstOfEvents_RefreshesOnceAfterThePause()
    {
        using var follower = Follow();
        for (var i = 0; i < 20; i++)
        {
            await bus.PublishAsync(Topics.Document(DocumentId), new BusEvent(DocumentBroadcaster.UpdatedEvent));
        }

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, Volatile.Read(ref refreshes));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await RefreshedAsync();
        Assert.Equal(1, Volatile.Read(ref refreshes));

        // A later event starts a new pause and a second refresh.
        await bus.PublishAsync(Topics.Document(DocumentId), new BusEvent(DocumentBroadcaster.UpdatedEvent));
        clock.Advance(TimeSpan.FromSeconds(1));
        await RefreshedAsync();
        Assert.Equal(2, Volatile.Read(ref refreshes));
    }

    [Fact]
    public async Task OtherKindsAndOtherDocuments_AreIgnored()
    {
        using var follower = Follow();

        await bus.PublishAsync(Topics.Document(DocumentId), new BusEvent(DocumentBroadcaster.AnnotationsEvent));
        await bus.PublishAsync(Topics.Document(Guid.NewGuid()), new BusEvent(DocumentBroadcaster.UpdatedEvent));

        // The bus delivers synchronously and a refresh starts with its pause's timer: no timer, no refresh to come.
        Assert.Equal(0, clock.TimersCreated);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Volatile.Read(ref refreshes));
    }

    [Fact]
    public async Task Disposed_BeforeThePauseEnds_NeverRefreshes()
    {
        var follower = Follow();
        await bus.PublishAsync(Topics.Document(DocumentId), new BusEvent(DocumentBroadcaster.UpdatedEvent));

        Assert.Equal(1, clock.TimersCreated);

        follower.Dispose();

        // Disposing cancels the pause: its timer is gone before any time passes, so nothing can fire it.
        Assert.Equal(0, clock.LiveTimers);
        clock.Advance(TimeSpan.FromSeconds(5));
        await bus.PublishAsync(Topics.Document(DocumentId), new BusEvent(DocumentBroadcaster.UpdatedEvent));
        Assert.Equal(1, clock.TimersCreated);
        Assert.Equal(0, Volatile.Read(ref refreshes));
    }

    // The minute only stops a broken follower from hanging the run.
    private async Task RefreshedAsync() => Assert.True(await refreshed.WaitAsync(TimeSpan.FromMinutes(1)), "no refresh came");

    /// <summary>
    /// A fake clock that counts its timers, so "no refresh will come" is read from the follower's state
    /// (no pause pending) instead of from a wait that proves nothing.
    /// </summary>
    private sealed class CountingTimeProvider : FakeTimeProvider
    {
        private int created;
        private int live;

        public int TimersCreated => Volatile.Read(ref created);

        public int LiveTimers => Volatile.Read(ref live);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref created);
            Interlocked.Increment(ref live);
            return new CountedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        }

        private sealed class CountedTimer(ITimer inner, CountingTimeProvider owner) : ITimer
        {
            private int disposed;

            public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

            public void Dispose()
            {
                Release();
                inner.Dispose();
            }

            public ValueTask DisposeAsync()
            {
                Release();
                return inner.DisposeAsync();
            }

            private void Release()
            {
                if (Interlocked.Exchange(ref disposed, 1) == 0)
                {
                    Interlocked.Decrement(ref owner.live);
                }
            }
        }
    }
}
