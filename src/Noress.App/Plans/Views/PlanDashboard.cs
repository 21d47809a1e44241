namespace Noress.App.Plans.Views;

/// <summary>An axis's line of the dashboard: its rolled-up progress and budget over the actions shown.</summary>
public sealed record DashboardAxis(PlanRow Axis, RollupResult Rollup);

/// <summary>An indicator against its target: the latest measure (null before the first) and the share of the way covered.</summary>
public sealed record DashboardIndicator(PlanIndicatorView Indicator, PlanRow? Item, decimal? Actual, string? Period, decimal? PercentOfTarget);

/// <summary>
/// The numbers of a plan's dashboard, from a view already filtered (<see cref="PlanFilter.Apply"/>): one line per
/// axis, the overdue actions the filter selects, the indicators of the rows shown. Charts and tables read the same
/// numbers, so what a screen reader gets is what the charts draw.
/// </summary>
public sealed record PlanDashboard(IReadOnlyList<DashboardAxis> Axes, RollupResult Totals, IReadOnlyList<PlanRow> Overdue, IReadOnlyList<DashboardIndicator> Indicators)
{
    public static PlanDashboard From(PlanView shown, PlanFilter filter)
    {
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(filter);
        var axes = shown.Rows.Where(r => r.Kind == PlanItemKind.Axis).Select(r => new DashboardAxis(r, r.Rollup)).ToList();

        // Actions kept only as the parent of a matching sub-action are context, not results of the filter.
        var overdue = shown.Rows
            .Where(r => r.Kind == PlanItemKind.Action && r.Late && (filter.IsEmpty || filter.Matches(r)))
            .OrderBy(r => r.DueOn)
            .ToList();

        var indicators = shown.Indicators
            .Select(i => new DashboardIndicator(i, shown.Row(i.ItemId), i.Standing.Latest?.Actual, i.Standing.Latest?.Period, i.Standing.PercentOfTarget))
            .ToList();

        return new PlanDashboard(axes, shown.Totals, overdue, indicators);
    }

    /// <summary>Spent over planned in percent, null when nothing is planned.</summary>
    public static decimal? Consumption(RollupResult rollup)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        return rollup.BudgetPlanned == 0 ? null : Math.Round(rollup.BudgetSpent / rollup.BudgetPlanned * 100m, 1);
    }
}
