using Noress.App.Calls.Evaluation;

namespace Noress.Tests.Calls;

public sealed class JuryRankingTests
{
    private static readonly DateTimeOffset Opening = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    private static ApplicationAggregate Entry(int n, decimal? mean, decimal? median = null, int jurors = 3, decimal? criterion = null, int submittedDay = 1, decimal deviation = 1m) =>
        new(
            Id(n),
            Opening.AddDays(submittedDay),
            mean is null ? [] : Enumerable.Range(1, jurors).Select(j => new JurorTotal(Id(100 + j), mean.Value, null)).ToList(),
            mean,
            mean is null ? null : median ?? mean,
            mean is null ? null : deviation,
            0m,
            false,
            false,
            criterion is null ? new Dictionary<int, decimal>() : new Dictionary<int, decimal> { [7] = criterion.Value },
            null);

    private static readonly RankingOptions Rules = new(
        RankingKey.Mean,
        [new(TieBreakKind.HigherMedian), new(TieBreakKind.MoreJurors), new(TieBreakKind.HigherCriterionMean, 7), new(TieBreakKind.EarlierSubmission)]);

    [Fact]
    public void Rank_ByMean_HighestFirst()
    {
        var result = JuryRanking.Rank([Entry(1, 12m), Entry(2, 17m), Entry(3, 15m)], Rules);
        Assert.Equal([Id(2), Id(3), Id(1)], result.Entries.Select(e => e.Aggregate.ApplicationId));
        Assert.Equal([1, 2, 3], result.Entries.Select(e => e.Rank));
        Assert.Empty(result.Ties);
    }

    [Fact]
    public void Rank_EqualMeans_TheMedianDecides_AndSaysSo()
    {
        var result = JuryRanking.Rank([Entry(1, 15m, median: 14m), Entry(2, 15m, median: 16m)], Rules);

        Assert.Equal([Id(2), Id(1)], result.Entries.Select(e => e.Aggregate.ApplicationId));
        Assert.Equal([1, 2], result.Entries.Select(e => e.Rank));
        var tie = Assert.Single(result.Ties);
        Assert.Equal(Id(2), tie.Above);
        Assert.Equal(Id(1), tie.Below);
        Assert.Equal(15m, tie.KeyValue);
        Assert.Equal(TieBreakKind.HigherMedian, tie.DecidedBy!.Kind);
        var comparison = Assert.Single(tie.Comparisons);
        Assert.Equal((16m, 14m), (comparison.Above, comparison.Below));
    }

    [Fact]
    public void Rank_TieBreaksApplyInTheirOrder()
    {
        // Same mean and median: more jurors wins, before the criterion that would have favoured the other.
        var result = JuryRanking.Rank([Entry(1, 15m, jurors: 2, criterion: 9m), Entry(2, 15m, jurors: 3, criterion: 5m)], Rules);
        Assert.Equal(Id(2), result.Entries[0].Aggregate.ApplicationId);
        Assert.Equal(TieBreakKind.MoreJurors, result.Ties.Single().DecidedBy!.Kind);
        Assert.Equal(2, result.Ties.Single().Comparisons.Count);
    }

    [Fact]
    public void Rank_NamedCriterion_ThenEarliestSubmission()
    {
        var byCriterion = JuryRanking.Rank([Entry(1, 15m, criterion: 5m), Entry(2, 15m, criterion: 8m)], Rules);
        Assert.Equal(Id(2), byCriterion.Entries[0].Aggregate.ApplicationId);
        Assert.Equal(new TieBreak(TieBreakKind.HigherCriterionMean, 7), byCriterion.Ties.Single().DecidedBy);

        var bySubmission = JuryRanking.Rank([Entry(1, 15m, criterion: 5m, submittedDay: 9), Entry(2, 15m, criterion: 5m, submittedDay: 3)], Rules);
        Assert.Equal(Id(2), bySubmission.Entries[0].Aggregate.ApplicationId);
        Assert.Equal(TieBreakKind.EarlierSubmission, bySubmission.Ties.Single().DecidedBy!.Kind);
    }

    [Fact]
    public void Rank_AllTieBreaksEqual_ExAequo_SharesTheRankAndSkipsTheNext()
    {
        var result = JuryRanking.Rank([Entry(4, 10m), Entry(3, 15m), Entry(2, 15m), Entry(1, 18m)], Rules);

        Assert.Equal([1, 2, 2, 4], result.Entries.Select(e => e.Rank));
        Assert.Equal([false, true, true, false], result.Entries.Select(e => e.ExAequo));
        Assert.Equal([Id(1), Id(2), Id(3), Id(4)], result.Entries.Select(e => e.Aggregate.ApplicationId));
        var tie = Assert.Single(result.Ties);
        Assert.True(tie.ExAequo);
        Assert.Equal(Rules.TieBreaks, tie.Comparisons.Select(c => c.Rule));
    }

    [Fact]
    public void Rank_UnscoredEntries_ComeLastWithoutRank()
    {
        var result = JuryRanking.Rank([Entry(1, null), Entry(2, 11m)], Rules);
        Assert.Equal([1, null], result.Entries.Select(e => e.Rank));
        Assert.Equal(Id(1), result.Entries[1].Aggregate.ApplicationId);
    }

    [Fact]
    public void Rank_LowerDeviation_PrefersTheMoreConsistentJury()
    {
        var options = new RankingOptions(RankingKey.Mean, [new(TieBreakKind.LowerStandardDeviation)]);
        var result = JuryRanking.Rank([Entry(1, 15m, deviation: 4m), Entry(2, 15m, deviation: 1m)], options);
        Assert.Equal(Id(2), result.Entries[0].Aggregate.ApplicationId);
    }

    [Fact]
    public void Rank_ByNormalisedMean_NeedsNormalisedAggregates() =>
        Assert.Throws<ArgumentException>(() => JuryRanking.Rank([Entry(1, 15m)], new RankingOptions(RankingKey.NormalisedMean, [])));

    [Fact]
    public void Rank_ByNormalisedMean_FromTheAggregation()
    {
        var grid = new EvaluationGrid([new GridCriterion(1, 1m, 0m, 20m)], 20m);
        ScoreSheet Sheet(int app, int juror, decimal score) => new(Id(app), Id(100 + juror), true, false, new Dictionary<int, decimal> { [1] = score });

        // Raw means tie at 13. Juror 1 scored only two entries (12 and 6: +1 and −1 deviation); juror 2 spreads widely
        // (14, 20, 2), so their 20 for entry 2 says less than juror 1's 12 for entry 1: entry 1 leads once normalised.
        var aggregates = JuryAggregation.Aggregate(
            grid,
            [new(Id(1), Opening), new(Id(2), Opening), new(Id(3), Opening)],
            [Sheet(1, 1, 12), Sheet(2, 1, 6), Sheet(1, 2, 14), Sheet(2, 2, 20), Sheet(3, 2, 2)],
            new AggregationOptions(NormalisePerJuror: true)).Applications;
        Assert.Equal(aggregates[0].Mean, aggregates[1].Mean);

        var byMean = JuryRanking.Rank(aggregates, new RankingOptions(RankingKey.Mean, []));
        Assert.True(byMean.Ties.Single().ExAequo);
        var result = JuryRanking.Rank(aggregates, new RankingOptions(RankingKey.NormalisedMean, []));
        Assert.Equal([Id(1), Id(2), Id(3)], result.Entries.Select(e => e.Aggregate.ApplicationId));
        Assert.Equal([1, 2, 3], result.Entries.Select(e => e.Rank));
    }

    /// <summary>Property: on random juries the ranks follow the order, ties share a rank, the next is skipped, and input order does not matter.</summary>
    [Fact]
    public void Rank_RandomEntries_RanksAreCompetitionRanks()
    {
        var random = new Random(5122026);
        for (var round = 0; round < 300; round++)
        {
            var entries = Enumerable.Range(1, random.Next(1, 12))
                .Select(n => Entry(n, random.Next(4) == 0 ? null : random.Next(8, 12), random.Next(8, 10), random.Next(1, 3), random.Next(0, 2), random.Next(1, 3)))
                .ToList();
            var result = JuryRanking.Rank(entries, Rules);
            var shuffled = JuryRanking.Rank(entries.OrderBy(_ => random.Next()).ToList(), Rules);

            Assert.Equal(result.Entries.Select(e => (e.Aggregate.ApplicationId, e.Rank)), shuffled.Entries.Select(e => (e.Aggregate.ApplicationId, e.Rank)));
            var ranked = result.Entries.Where(e => e.Rank is not null).ToList();
            for (var i = 0; i < ranked.Count; i++)
            {
                Assert.True(i == 0 || ranked[i - 1].KeyValue >= ranked[i].KeyValue);
                var sharing = ranked.Count(e => e.Rank == ranked[i].Rank);
                Assert.Equal(sharing > 1, ranked[i].ExAequo);
                Assert.Equal(1 + ranked.Count(e => e.Rank < ranked[i].Rank), ranked[i].Rank);
            }

            Assert.Equal(ranked.Zip(ranked.Skip(1)).Count(p => p.First.KeyValue == p.Second.KeyValue), result.Ties.Count);
            Assert.All(result.Ties, t => Assert.Equal(t.ExAequo, ranked.Single(e => e.Aggregate.ApplicationId == t.Above).Rank == ranked.Single(e => e.Aggregate.ApplicationId == t.Below).Rank));
        }
    }
}
