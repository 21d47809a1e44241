using Noress.App.Plans;
using Noress.App.Plans.Views;

namespace Noress.Tests.Plans.Views;

public sealed class PlanDashboardTests
{
    private static readonly DateOnly Today = new(2026, 3, 5);

    [Fact]
    public void From_OneLinePerAxisWithItsRollup()
    {
        var plan = new PlanViewBuilder(Today);
        var axis1 = plan.Axis("Axe 1");
        plan.Action(plan.Objective(axis1, "O1"), "A", r => r with { Progress = 40, BudgetPlanned = 1000, BudgetCommitted = 600, BudgetSpent = 250 });
        var axis2 = plan.Axis("Axe 2");
        plan.Action(plan.Objective(axis2, "O2"), "B", r => r with { Status = PlanItemStatus.Done, BudgetPlanned = 500, BudgetCommitted = 500, BudgetSpent = 500 });

        var dashboard = PlanDashboard.From(plan.Build(), PlanFilter.None);

        Assert.Equal([axis1, axis2], dashboard.Axes.Select(a => a.Axis.Id));
        Assert.Equal(new RollupResult(40m, 1000, 600, 250), dashboard.Axes[0].Rollup);
        Assert.Equal(new RollupResult(100m, 500, 500, 500), dashboard.Axes[1].Rollup);
        Assert.Equal(new RollupResult(70m, 1500, 1100, 750), dashboard.Totals);
    }

    [Fact]
    public void From_OverdueActionsByDueDate()
    {
        var plan = new PlanViewBuilder(Today);
        var objective = plan.Objective(plan.Axis("Axe"), "Objectif");
        var later = plan.Action(objective, "Plus tard", r => r with { DueOn = Today.AddDays(-1) });
        var earlier = plan.Action(objective, "Plus tôt", r => r with { DueOn = Today.AddDays(-20) });
        plan.Action(objective, "Finie", r => r with { DueOn = Today.AddDays(-20), Status = PlanItemStatus.Done });
        plan.Action(objective, "À venir", r => r with { DueOn = Today.AddDays(20) });

        var dashboard = PlanDashboard.From(plan.Build(), PlanFilter.None);

        Assert.Equal([earlier, later], dashboard.Overdue.Select(r => r.Id));
    }

    [Fact]
    public void From_Filtered_ParentActionKeptAsContextIsNotCountedOverdue()
    {
        var plan = new PlanViewBuilder(Today);
        var person = Guid.NewGuid();
        var objective = plan.Objective(plan.Axis("Axe"), "Objectif");
        var parent = plan.Action(objective, "Mère en retard", r => r with { DueOn = Today.AddDays(-5) });
        var child = plan.Action(parent, "Fille en retard", r => r with { DueOn = Today.AddDays(-5), ResponsibleUserId = person });
        var filter = new PlanFilter(Person: person);

        var dashboard = PlanDashboard.From(filter.Apply(plan.Build()), filter);

        Assert.Equal([child], dashboard.Overdue.Select(r => r.Id));
    }

    [Fact]
    public void From_IndicatorsWithTheirLatestMeasureAndShareOfTarget()
    {
        var plan = new PlanViewBuilder(Today);
        var axis = plan.Axis("Axe");
        plan.Indicator(axis, "Coopératives accompagnées", "coopératives", 10, 110, ("2025", 30), ("2026-Q1", 60));
        plan.Indicator(axis, "Pas encore mesuré", "%", 0, 100);

        var dashboard = PlanDashboard.From(plan.Build(), PlanFilter.None);

        Assert.Equal(60m, dashboard.Indicators[0].Actual);
        Assert.Equal("2026-Q1", dashboard.Indicators[0].Period);
        Assert.Equal(50m, dashboard.Indicators[0].PercentOfTarget);
        Assert.Equal(axis, dashboard.Indicators[0].Item!.Id);
        Assert.Null(dashboard.Indicators[1].Actual);
        Assert.Null(dashboard.Indicators[1].PercentOfTarget);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1000, 250, 25.0)]
    [InlineData(300, 100, 33.3)]
    public void Consumption_SpentOverPlanned(decimal planned, decimal spent, double? expected) =>
        Assert.Equal(expected is { } e ? (decimal)e : null, PlanDashboard.Consumption(new RollupResult(null, planned, 0, spent)));
}
