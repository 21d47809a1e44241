using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Documents;
using Noress.App.Documents.History;
using Noress.App.Shared.RealTime;

namespace Noress.Tests.Documents;

public sealed class DocumentFollowerTests
{
    private static readonly Guid DocumentId = Guid.Parse("5c1f0e2a-7b3d-4c9e-8f10-2a3b4c5d6e7f");
    private static readonly IReadOnlySet<string> Updated = new HashSet<string> { DocumentBroadcaster.UpdatedEvent };

    private readonly InProcessEventBus bus = new(NullLogger<InProcessEventBus>.Instance);
    private readonly FakeTimeProvider clock = new();
    private int refreshes;

    private DocumentFollower Follow() => DocumentFollower.Start(bus, DocumentId, Updated, () =>
    {
        Interlocked.Increment(ref refreshes);
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
        await WaitForAsync(() => Volatile.Read(ref refreshes) == 1);

        // A later event starts a new pause and a second refresh.
        await bus.PublishAsync(Topics.Document(DocumentId), new BusEvent(DocumentBroadcaster.UpdatedEvent));
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitForAsync(() => Volatile.Read(ref refreshes) == 2);
    }

    [Fact]
    public async Task OtherKindsAndOtherDocuments_AreIgnored()
    {
        using var follower = Follow();

        await bus.PublishAsync(Topics.Document(DocumentId), new BusEvent(DocumentBroadcaster.AnnotationsEvent));
        await bus.PublishAsync(Topics.Document(Guid.NewGuid()), new BusEvent(DocumentBroadcaster.UpdatedEvent));
        clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);

        Assert.Equal(0, Volatile.Read(ref refreshes));
    }

    [Fact]
    public async Task Disposed_BeforeThePauseEnds_NeverRefreshes()
    {
        var follower = Follow();
        await bus.PublishAsync(Topics.Document(DocumentId), new BusEvent(DocumentBroadcaster.UpdatedEvent));

        follower.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        await bus.PublishAsync(Topics.Document(DocumentId), new BusEvent(DocumentBroadcaster.UpdatedEvent));
        await Task.Delay(50);

        Assert.Equal(0, Volatile.Read(ref refreshes));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
