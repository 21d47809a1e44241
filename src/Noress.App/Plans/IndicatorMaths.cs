namespace Noress.App.Plans;

/// <summary>One recorded value, as the maths read it.</summary>
public sealed record MeasurePoint(string Period, decimal Actual, DateTime RecordedAt);

/// <summary>Where an indicator stands: its latest measure and how far it has gone from baseline to target.</summary>
public sealed record IndicatorStanding(MeasurePoint? Latest, decimal? PercentOfTarget);

/// <summary>Pure indicator arithmetic (ADR 0027).</summary>
public static class IndicatorMaths
{
    /// <summary>The measure of the latest period (by the period's last day; the more recently recorded on a tie); unreadable periods are ignored.</summary>
    public static MeasurePoint? Latest(IEnumerable<MeasurePoint> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        return measures
            .Select(m => (Measure: m, Ok: PlanPeriods.TryParse(m.Period, out var period), period))
            .Where(m => m.Ok)
            .OrderByDescending(m => m.period.EndsOn)
            .ThenByDescending(m => m.Measure.RecordedAt)
            .Select(m => m.Measure)
            .FirstOrDefault();
    }

    /// <summary>
    /// The share of the way from baseline to target covered by <paramref name="actual"/>, in percent, not clamped
    /// (below 0 when it moved away, above 100 past the target). Works the same for a decreasing indicator (target
    /// below baseline). When target equals baseline (keep a level), 100 when the actual is at the target, else 0.
    /// </summary>
    public static decimal PercentOfTarget(decimal baseline, decimal target, decimal actual) =>
        target == baseline
            ? (actual == target ? 100m : 0m)
            : Math.Round((actual - baseline) / (target - baseline) * 100m, 1);

    public static IndicatorStanding Standing(decimal baseline, decimal target, IEnumerable<MeasurePoint> measures) =>
        Latest(measures) is { } latest
            ? new IndicatorStanding(latest, PercentOfTarget(baseline, target, latest.Actual))
            : new IndicatorStanding(null, null);
}
