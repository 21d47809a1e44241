using Microsoft.Extensions.DependencyInjection;
using Noress.App.Plans;

namespace Noress.Tests.Plans;

/// <summary>The node's shared snapshot of a plan: read once, then only the changed rows.</summary>
public sealed class PlanViewCacheTests : PlanGridFixture
{
    [Fact]
    public async Task GetAsync_TwoLeases_ReadThePlanOnceThenOnlyTheChangedRow()
    {
        await ArrangePlanAsync();
        var cache = Services.GetRequiredService<PlanViewCache>();
        using var first = cache.Open(PlanId);
        using var second = cache.Open(PlanId);

        var a = await first.GetAsync(PlanViewRequest.Current, default);
        var b = await second.GetAsync(PlanViewRequest.Current, default);
        Assert.Same(a, b);
        Assert.Equal(1, cache.WholeReads);

        var row = await RowAsync(ActionId);
        Done(await Plans.EditItemAsync(Caller, ActionId, row.Version, [FieldEdit.Of(PlanField.Progress, 20, 40)], default));
        var after = await first.GetAsync(PlanViewRequest.Changed([ActionId]), default);

        Assert.Equal(1, cache.WholeReads);
        Assert.Equal(40, after!.View.Row(ActionId)!.Progress);
        Assert.Equal(50m, after.View.Row(ObjectiveId)!.Rollup.Progress);
        // The untouched action keeps its record: pages skip rendering it.
        Assert.Same(a!.View.Row(SecondActionId), after.View.Row(SecondActionId));
    }
}
