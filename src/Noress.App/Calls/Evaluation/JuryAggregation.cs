namespace Noress.App.Calls.Evaluation;

/// <param name="DisagreementThresholdPercent">An entry is flagged when its jurors' totals spread (max − min) by more than this share of the scale.</param>
/// <param name="NormalisePerJuror">Also compute each juror's z-scores and the entries' normalised means.</param>
/// <param name="MinimumJurors">An entry with fewer counted sheets is flagged (typically the k of the assignment); 0 disables the flag.</param>
public sealed record AggregationOptions(decimal DisagreementThresholdPercent = 25m, bool NormalisePerJuror = false, int MinimumJurors = 0);

/// <param name="ApplicationId">The entry.</param>
/// <param name="SubmittedAt">When the application was submitted (a tie-break may use it).</param>
public sealed record EvaluatedApplication(Guid ApplicationId, DateTimeOffset? SubmittedAt);

/// <param name="JurorId">The juror.</param>
/// <param name="Total">Their sheet's weighted total on the grid's scale.</param>
/// <param name="ZScore">How many of the juror's own standard deviations the total lies from the juror's mean; null without normalisation.</param>
public sealed record JurorTotal(Guid JurorId, decimal Total, decimal? ZScore);

/// <summary>What the jury's counted sheets say about one entry. Statistics are null when no sheet counts.</summary>
/// <param name="ApplicationId">The entry.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="Totals">The counted jurors' totals (submitted, not conflicted), by juror id.</param>
/// <param name="Mean">The mean of the totals (the weighted mean of the criteria, averaged over jurors).</param>
/// <param name="Median">The median of the totals.</param>
/// <param name="StandardDeviation">The population standard deviation of the totals (0 with one juror).</param>
/// <param name="Spread">Highest minus lowest total.</param>
/// <param name="Disagreement">The spread exceeds the threshold.</param>
/// <param name="TooFewJurors">Fewer counted sheets than the options' minimum.</param>
/// <param name="CriterionMeans">The mean raw score per criterion id, on that criterion's own range.</param>
/// <param name="NormalisedMean">The mean z-score brought back onto the scale (pooled mean + mean z × pooled deviation); null without normalisation.</param>
public sealed record ApplicationAggregate(
    Guid ApplicationId,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<JurorTotal> Totals,
    decimal? Mean,
    decimal? Median,
    decimal? StandardDeviation,
    decimal? Spread,
    bool Disagreement,
    bool TooFewJurors,
    IReadOnlyDictionary<int, decimal> CriterionMeans,
    decimal? NormalisedMean)
{
    public int JurorCount => Totals.Count;
}

/// <param name="JurorId">The juror.</param>
/// <param name="Sheets">Their counted sheets in scope.</param>
/// <param name="Mean">The mean used for their z-scores.</param>
/// <param name="StandardDeviation">The deviation used for their z-scores.</param>
/// <param name="Pooled">Too few sheets (one) or no variance: the jury's pooled mean and deviation were used instead of their own.</param>
public sealed record JurorCalibration(Guid JurorId, int Sheets, decimal Mean, decimal StandardDeviation, bool Pooled);

/// <param name="Applications">One aggregate per application asked for, in the order given.</param>
/// <param name="Jurors">Each counted juror's calibration (empty without normalisation).</param>
/// <param name="PooledMean">The mean of every counted total in scope (null when none).</param>
/// <param name="PooledStandardDeviation">Their population standard deviation (null when none).</param>
public sealed record AggregationResult(
    IReadOnlyList<ApplicationAggregate> Applications,
    IReadOnlyList<JurorCalibration> Jurors,
    decimal? PooledMean,
    decimal? PooledStandardDeviation);

/// <summary>
/// Aggregates the jury's sheets (issue 12 §11). Only submitted sheets of non-conflicted jurors count, whatever else is
/// passed in; the scope is the applications given (sheets of other applications are ignored, also for calibration).
/// </summary>
public static class JuryAggregation
{
    public static AggregationResult Aggregate(
        EvaluationGrid grid,
        IReadOnlyList<EvaluatedApplication> applications,
        IEnumerable<ScoreSheet> sheets,
        AggregationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(sheets);
        options ??= new AggregationOptions();

        var scope = applications.Select(a => a.ApplicationId).ToHashSet();
        var counted = sheets.Where(s => s.Counts && scope.Contains(s.ApplicationId)).ToList();
        if (counted.GroupBy(s => (s.ApplicationId, s.JurorId)).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("A juror has two counted sheets for one application.", nameof(sheets));
        }

        var totals = counted.Select(s => (Sheet: s, Total: grid.Total(s.Scores))).ToList();
        decimal? pooledMean = totals.Count == 0 ? null : Mean(totals.Select(t => t.Total).ToList());
        decimal? pooledDeviation = totals.Count == 0 ? null : Deviation(totals.Select(t => t.Total).ToList());

        var calibrations = new Dictionary<Guid, JurorCalibration>();
        if (options.NormalisePerJuror)
        {
            foreach (var juror in totals.GroupBy(t => t.Sheet.JurorId).OrderBy(g => g.Key))
            {
                var own = juror.Select(t => t.Total).ToList();
                var deviation = Deviation(own);

                // One sheet says nothing about a juror's habits, and a juror who gave every entry the same total expresses no
                // preference: both are judged against the whole jury's distribution, which keeps their level without inventing a spread.
                calibrations[juror.Key] = own.Count < 2 || deviation == 0
                    ? new JurorCalibration(juror.Key, own.Count, pooledMean!.Value, pooledDeviation!.Value, Pooled: true)
                    : new JurorCalibration(juror.Key, own.Count, Mean(own), deviation, Pooled: false);
            }
        }

        var byApplication = totals.ToLookup(t => t.Sheet.ApplicationId);
        var result = new List<ApplicationAggregate>(applications.Count);
        foreach (var application in applications)
        {
            var mine = byApplication[application.ApplicationId].OrderBy(t => t.Sheet.JurorId).ToList();
            var jurorTotals = mine
                .Select(t => new JurorTotal(t.Sheet.JurorId, t.Total, options.NormalisePerJuror ? ZScore(t.Total, calibrations[t.Sheet.JurorId]) : null))
                .ToList();
            var tooFew = options.MinimumJurors > 0 && mine.Count < options.MinimumJurors;
            if (mine.Count == 0)
            {
                result.Add(new ApplicationAggregate(application.ApplicationId, application.SubmittedAt, jurorTotals, null, null, null, null, false, tooFew, new Dictionary<int, decimal>(), null));
                continue;
            }

            var values = jurorTotals.Select(t => t.Total).ToList();
            var spread = values.Max() - values.Min();
            var criterionMeans = grid.Criteria.ToDictionary(c => c.Id, c => Mean(mine.Select(t => t.Sheet.Scores[c.Id]).ToList()));
            decimal? normalised = options.NormalisePerJuror
                ? Round(pooledMean!.Value + Mean(jurorTotals.Select(t => t.ZScore!.Value).ToList()) * pooledDeviation!.Value)
                : null;
            result.Add(new ApplicationAggregate(
                application.ApplicationId,
                application.SubmittedAt,
                jurorTotals,
                Mean(values),
                Median(values),
                Deviation(values),
                spread,
                spread > grid.Scale * options.DisagreementThresholdPercent / 100m,
                tooFew,
                criterionMeans,
                normalised));
        }

        return new AggregationResult(result, calibrations.Values.ToList(), pooledMean, pooledDeviation);
    }

    /// <summary>Statistics are kept to 6 decimals: enough for any scale, and equal inputs compare equal whatever their order.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);

    public static decimal Mean(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? throw new ArgumentException("No values.", nameof(values)) : Round(values.Sum() / values.Count);
    }

    /// <summary>The middle value, or the mean of the two middle values for an even count.</summary>
    public static decimal Median(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return Round(sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m);
    }

    /// <summary>The population standard deviation: the jurors of an entry are its whole jury, not a sample of one.</summary>
    public static decimal Deviation(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var mean = values.Sum() / values.Count;
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return Round((decimal)Math.Sqrt((double)variance));
    }

    private static decimal ZScore(decimal total, JurorCalibration calibration) =>
        calibration.StandardDeviation == 0 ? 0m : Round((total - calibration.Mean) / calibration.StandardDeviation);
}
