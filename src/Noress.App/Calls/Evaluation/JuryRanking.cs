namespace Noress.App.Calls.Evaluation;

/// <summary>What entries are ranked by first.</summary>
public enum RankingKey
{
    /// <summary>The mean of the jurors' weighted totals.</summary>
    Mean = 0,

    /// <summary>The mean after per-juror z-score normalisation (needs <see cref="AggregationOptions.NormalisePerJuror"/>).</summary>
    NormalisedMean = 1,
}

/// <summary>A way of separating two entries whose ranking key is equal.</summary>
public enum TieBreakKind
{
    HigherMedian = 0,
    MoreJurors = 1,

    /// <summary>The higher mean on one named criterion (<see cref="TieBreak.CriterionId"/>).</summary>
    HigherCriterionMean = 2,
    EarlierSubmission = 3,
    LowerStandardDeviation = 4,
    HigherMean = 5,
}

/// <param name="Kind">The rule.</param>
/// <param name="CriterionId">The criterion, for <see cref="TieBreakKind.HigherCriterionMean"/>.</param>
public sealed record TieBreak(TieBreakKind Kind, int? CriterionId = null);

/// <param name="Key">What entries are ranked by.</param>
/// <param name="TieBreaks">Applied in order to entries equal on the key; entries equal on all of them are ex aequo.</param>
public sealed record RankingOptions(RankingKey Key, IReadOnlyList<TieBreak> TieBreaks)
{
    /// <summary>Mean, then higher median, then more jurors, then earliest submission.</summary>
    public static RankingOptions Default { get; } = new(
        RankingKey.Mean,
        [new(TieBreakKind.HigherMedian), new(TieBreakKind.MoreJurors), new(TieBreakKind.EarlierSubmission)]);
}

/// <param name="Rule">The rule compared.</param>
/// <param name="Above">The value of the entry placed above (a tick count for a submission time; null when it has none).</param>
/// <param name="Below">The value of the entry placed below.</param>
public sealed record TieComparison(TieBreak Rule, decimal? Above, decimal? Below);

/// <summary>
/// Why two neighbours equal on the ranking key stand in this order: the tie-breaks compared, in order, up to the one
/// that separated them (<see cref="DecidedBy"/>), or all of them when they are ex aequo (DecidedBy null).
/// </summary>
/// <param name="Above">The entry placed above.</param>
/// <param name="Below">The entry placed below.</param>
/// <param name="KeyValue">The ranking key's value they share.</param>
/// <param name="Comparisons">The tie-breaks compared, in order.</param>
/// <param name="DecidedBy">The tie-break that separated them, or null when they share a rank.</param>
public sealed record TieDecision(Guid Above, Guid Below, decimal KeyValue, IReadOnlyList<TieComparison> Comparisons, TieBreak? DecidedBy)
{
    public bool ExAequo => DecidedBy is null;
}

/// <param name="Aggregate">The entry's aggregate.</param>
/// <param name="Rank">1-based; entries ex aequo share a rank and the next rank is skipped (1, 2, 2, 4); null for an entry no counted sheet scores.</param>
/// <param name="ExAequo">It shares its rank with another entry.</param>
/// <param name="KeyValue">The value it was ranked by.</param>
public sealed record RankedApplication(ApplicationAggregate Aggregate, int? Rank, bool ExAequo, decimal? KeyValue);

/// <param name="Entries">Ranked entries first, in order; then unscored ones (no rank), by id.</param>
/// <param name="Ties">One decision per pair of neighbours equal on the key, top to bottom.</param>
public sealed record RankingResult(IReadOnlyList<RankedApplication> Entries, IReadOnlyList<TieDecision> Ties);

/// <summary>
/// Ranks the aggregated entries with explicit tie-break rules (issue 12 §11). The deliberation screen shows each
/// <see cref="TieDecision"/>: which rule put an entry ahead of its equal neighbour, or that they are ex aequo.
/// Entries ex aequo are listed by id so the order on screen does not change between reloads.
/// </summary>
public static class JuryRanking
{
    public static RankingResult Rank(IEnumerable<ApplicationAggregate> aggregates, RankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TieBreaks.Any(t => t.Kind == TieBreakKind.HigherCriterionMean && t.CriterionId is null))
        {
            throw new ArgumentException("A criterion tie-break needs its criterion.", nameof(options));
        }

        var all = aggregates.ToList();
        if (options.Key == RankingKey.NormalisedMean && all.Any(a => a.JurorCount > 0 && a.NormalisedMean is null))
        {
            throw new ArgumentException("Ranking by normalised mean needs aggregates computed with normalisation.", nameof(options));
        }

        var scored = all.Where(a => a.JurorCount > 0).ToList();
        var comparer = Comparer<ApplicationAggregate>.Create((x, y) =>
        {
            var byKey = Key(y, options).CompareTo(Key(x, options));
            if (byKey != 0)
            {
                return byKey;
            }

            foreach (var rule in options.TieBreaks)
            {
                var c = Compare(rule, x, y);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.ApplicationId.CompareTo(y.ApplicationId);
        });
        scored.Sort(comparer);

        var entries = new List<RankedApplication>(all.Count);
        var ties = new List<TieDecision>();
        var rank = 0;
        for (var i = 0; i < scored.Count; i++)
        {
            var current = scored[i];
            var exAequoWithPrevious = false;
            if (i > 0 && Key(scored[i - 1], options) == Key(current, options))
            {
                var decision = Decide(scored[i - 1], current, options);
                ties.Add(decision);
                exAequoWithPrevious = decision.ExAequo;
            }

            if (!exAequoWithPrevious)
            {
                rank = i + 1;
            }

            entries.Add(new RankedApplication(current, rank, exAequoWithPrevious, Key(current, options)));
            if (exAequoWithPrevious)
            {
                entries[i - 1] = entries[i - 1] with { ExAequo = true };
            }
        }

        entries.AddRange(all.Where(a => a.JurorCount == 0).OrderBy(a => a.ApplicationId).Select(a => new RankedApplication(a, null, false, null)));
        return new RankingResult(entries, ties);
    }

    private static decimal Key(ApplicationAggregate a, RankingOptions options) =>
        (options.Key == RankingKey.NormalisedMean ? a.NormalisedMean : a.Mean) ?? decimal.MinValue;

    private static TieDecision Decide(ApplicationAggregate above, ApplicationAggregate below, RankingOptions options)
    {
        var comparisons = new List<TieComparison>();
        foreach (var rule in options.TieBreaks)
        {
            comparisons.Add(new TieComparison(rule, Value(rule, above), Value(rule, below)));
            if (Compare(rule, above, below) != 0)
            {
                return new TieDecision(above.ApplicationId, below.ApplicationId, Key(above, options), comparisons, rule);
            }
        }

        return new TieDecision(above.ApplicationId, below.ApplicationId, Key(above, options), comparisons, null);
    }

    /// <summary>Negative when <paramref name="x"/> goes first. A missing value (no submission time, no score on the criterion) goes last.</summary>
    private static int Compare(TieBreak rule, ApplicationAggregate x, ApplicationAggregate y)
    {
        var (vx, vy) = (Value(rule, x), Value(rule, y));
        if (vx == vy)
        {
            return 0;
        }

        if (vx is null || vy is null)
        {
            return vx is null ? 1 : -1;
        }

        var higherFirst = rule.Kind is not (TieBreakKind.EarlierSubmission or TieBreakKind.LowerStandardDeviation);
        return higherFirst ? vy.Value.CompareTo(vx.Value) : vx.Value.CompareTo(vy.Value);
    }

    private static decimal? Value(TieBreak rule, ApplicationAggregate a) => rule.Kind switch
    {
        TieBreakKind.HigherMedian => a.Median,
        TieBreakKind.MoreJurors => a.JurorCount,
        TieBreakKind.HigherCriterionMean => a.CriterionMeans.TryGetValue(rule.CriterionId!.Value, out var m) ? m : null,
        TieBreakKind.EarlierSubmission => a.SubmittedAt?.UtcTicks,
        TieBreakKind.LowerStandardDeviation => a.StandardDeviation,
        TieBreakKind.HigherMean => a.Mean,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, null),
    };
}
