using Noress.App.Plans;

namespace Noress.Tests.Plans;

public sealed class PlanRollupTests
{
    private static readonly Guid Axis = Guid.NewGuid();
    private static readonly Guid Objective = Guid.NewGuid();

    private static RollupInput Node(Guid? parent, int progress, decimal weight = 1m, PlanItemStatus status = PlanItemStatus.InProgress, decimal planned = 0, decimal committed = 0, decimal spent = 0, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), parent, status, progress, weight, planned, committed, spent);

    [Fact]
    public void Compute_WeightedLeaves_ObjectiveAxisAndPlanGetTheWeightedMean()
    {
        var a = Node(Objective, 100, weight: 3);
        var b = Node(Objective, 20, weight: 1);
        var results = PlanRollup.Compute([Node(null, 0, id: Axis), Node(Axis, 0, id: Objective), a, b]);

        Assert.Equal(80m, results[Objective].Progress); // (100*3 + 20*1) / 4
        Assert.Equal(80m, results[Axis].Progress);
        Assert.Equal(80m, results[Guid.Empty].Progress);
    }

    [Fact]
    public void Compute_CancelledAction_IsLeftOutOfProgressButKeepsItsMoney()
    {
        var done = Node(Objective, 40, status: PlanItemStatus.InProgress, planned: 100, committed: 50, spent: 10);
        var cancelled = Node(Objective, 0, weight: 5, status: PlanItemStatus.Cancelled, planned: 1000, committed: 200, spent: 30);
        var results = PlanRollup.Compute([Node(null, 0, id: Axis), Node(Axis, 0, id: Objective), done, cancelled]);

        Assert.Equal(40m, results[Objective].Progress);
        Assert.Equal(1100m, results[Objective].BudgetPlanned);
        Assert.Equal(250m, results[Objective].BudgetCommitted);
        Assert.Equal(40m, results[Guid.Empty].BudgetSpent);
    }

    [Fact]
    public void Compute_EverythingCancelled_ProgressIsNull()
    {
        var results = PlanRollup.Compute([Node(null, 0, id: Axis), Node(Axis, 50, status: PlanItemStatus.Cancelled)]);

        Assert.Null(results[Axis].Progress);
        Assert.Null(results[Guid.Empty].Progress);
    }

    [Fact]
    public void Compute_NodeWithChildren_IgnoresItsOwnProgressAndBudget()
    {
        var results = PlanRollup.Compute([Node(null, 90, planned: 5000, id: Axis), Node(Axis, 10, planned: 7)]);

        Assert.Equal(10m, results[Axis].Progress);
        Assert.Equal(7m, results[Axis].BudgetPlanned);
    }

    [Fact]
    public void Compute_LeafWithoutChildren_CountsItsOwnProgress_DoneCountsAsHundred()
    {
        var results = PlanRollup.Compute([Node(null, 30, id: Axis), Node(null, 20, status: PlanItemStatus.Done)]);

        Assert.Equal(30m, results[Axis].Progress);
        Assert.Equal(65m, results[Guid.Empty].Progress);
    }

    [Fact]
    public void Compute_SubActions_RollUpIntoTheirAction()
    {
        var action = Guid.NewGuid();
        var results = PlanRollup.Compute([
            Node(null, 0, id: Axis), Node(Axis, 0, id: Objective), Node(Objective, 0, id: action),
            Node(action, 100), Node(action, 0), Node(Objective, 50)]);

        Assert.Equal(50m, results[action].Progress);
        Assert.Equal(50m, results[Objective].Progress);
    }

    [Fact]
    public void Compute_EmptyPlan_HasNoProgressAndZeroBudget()
    {
        var totals = PlanRollup.Compute([])[Guid.Empty];

        Assert.Null(totals.Progress);
        Assert.Equal(0m, totals.BudgetPlanned);
    }

    [Fact]
    public void Compute_LoopDetachedFromTheRoots_IsLeftOut()
    {
        Guid x = Guid.NewGuid(), y = Guid.NewGuid();
        var root = Node(null, 40);
        var results = PlanRollup.Compute([root, Node(y, 100, id: x), Node(x, 100, id: y)]);

        Assert.False(results.ContainsKey(x));
        Assert.Equal(40m, results[Guid.Empty].Progress);
    }
}
