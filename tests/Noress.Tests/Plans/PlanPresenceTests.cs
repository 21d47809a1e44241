using Microsoft.Extensions.Time.Testing;
using Noress.App.Plans.Grid;
using Noress.App.Shared.RealTime;

namespace Noress.Tests.Plans;

/// <summary>Row presence between two nodes sharing one bus (two registries, as two app nodes over Redis).</summary>
public sealed class PlanPresenceTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero));
    private readonly InProcessEventBus bus = new(Microsoft.Extensions.Logging.Abstractions.NullLogger<InProcessEventBus>.Instance);
    private readonly PlanPresence first;
    private readonly PlanPresence second;
    private readonly Guid planId = Guid.NewGuid();
    private readonly Guid rowId = Guid.NewGuid();

    public PlanPresenceTests()
    {
        first = new PlanPresence(bus, clock);
        second = new PlanPresence(bus, clock);
    }

    [Fact]
    public async Task Join_WhileSomeoneEditsARow_SeesThemAtOnce()
    {
        await using var amina = await first.JoinAsync(planId, Guid.NewGuid(), "Amina Benali", () => { });
        await amina.EditingAsync(rowId);

        await using var youssef = await second.JoinAsync(planId, Guid.NewGuid(), "Youssef Alami", () => { });

        var entry = Assert.Single(second.In(planId));
        Assert.Equal(("Amina Benali", rowId), (entry.Name, entry.RowId));
    }

    [Fact]
    public async Task LeavingTheRowOrThePage_RemovesThePresenceOnTheOtherNode()
    {
        var changes = 0;
        await using var youssef = await second.JoinAsync(planId, Guid.NewGuid(), "Youssef Alami", () => changes++);
        var amina = await first.JoinAsync(planId, Guid.NewGuid(), "Amina Benali", () => { });

        await amina.EditingAsync(rowId);
        Assert.Single(second.In(planId));
        await amina.EditingAsync(null);
        Assert.Empty(second.In(planId));
        await amina.EditingAsync(rowId);
        await amina.DisposeAsync();

        Assert.Empty(second.In(planId));
        Assert.Equal(4, changes);
    }

    [Fact]
    public async Task ANodeThatStopsAnswering_IsForgottenAfterTheExpiry()
    {
        await using var youssef = await second.JoinAsync(planId, Guid.NewGuid(), "Youssef Alami", () => { });
        await using var amina = await first.JoinAsync(planId, Guid.NewGuid(), "Amina Benali", () => { });
        await amina.EditingAsync(rowId);

        // The first node dies: its heartbeats stop.
        first.Dispose();
        clock.Advance(PlanPresence.Expiry + PlanPresence.Heartbeat);

        Assert.Empty(second.In(planId));
    }

    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
    }
}
