using Noress.App.Calls;
using Noress.App.Calls.Evaluation;
using ScoreSheet = Noress.App.Calls.Evaluation.ScoreSheet;

namespace Noress.Tests.Calls;

public sealed class JuryAggregationTests
{
    /// <summary>One criterion from 0 to 20 on a scale of 20: a sheet's total is its score, which keeps the arithmetic readable.</summary>
    private static readonly EvaluationGrid Simple = new([new GridCriterion(1, 1m, 0m, 20m)], 20m);

    private static readonly EvaluationGrid Weighted = new([new GridCriterion(1, 2m, 0m, 10m), new GridCriterion(2, 1m, 0m, 5m)], 20m);

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    private static ScoreSheet Sheet(int application, int juror, decimal score, bool submitted = true, bool conflicted = false) =>
        new(Id(application), Id(100 + juror), submitted, conflicted, new Dictionary<int, decimal> { [1] = score });

    private static EvaluatedApplication App(int n) => new(Id(n), new DateTimeOffset(2026, 11, n, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(10, 5, 20)]
    [InlineData(0, 0, 0)]
    [InlineData(5, 0, 6.666667)]
    [InlineData(10, 0, 13.333333)]
    [InlineData(0, 5, 6.666667)]
    public void Total_WeighsCriteriaOnTheirOwnRanges(decimal first, decimal second, decimal expected) =>
        Assert.Equal(expected, Weighted.Total(new Dictionary<int, decimal> { [1] = first, [2] = second }));

    [Fact]
    public void Total_WithNonZeroMinimum_StartsTheCriterionAtItsMinimum()
    {
        var grid = new EvaluationGrid([new GridCriterion(1, 1m, 1m, 5m)], 100m);
        Assert.Equal(0m, grid.Total(new Dictionary<int, decimal> { [1] = 1m }));
        Assert.Equal(75m, grid.Total(new Dictionary<int, decimal> { [1] = 4m }));
    }

    [Fact]
    public void Aggregate_ThreeJurors_MeanMedianDeviationSpread()
    {
        var a = JuryAggregation.Aggregate(Simple, [App(1)], [Sheet(1, 1, 10), Sheet(1, 2, 14), Sheet(1, 3, 18)]).Applications.Single();

        Assert.Equal(3, a.JurorCount);
        Assert.Equal(14m, a.Mean);
        Assert.Equal(14m, a.Median);
        Assert.Equal(3.265986m, a.StandardDeviation);
        Assert.Equal(8m, a.Spread);
        Assert.Equal(14m, a.CriterionMeans[1]);
    }

    [Fact]
    public void Aggregate_EvenCount_MedianIsTheMeanOfTheMiddleTwo()
    {
        var a = JuryAggregation.Aggregate(Simple, [App(1)], [Sheet(1, 1, 18), Sheet(1, 2, 10), Sheet(1, 3, 14), Sheet(1, 4, 12)]).Applications.Single();
        Assert.Equal(13m, a.Median);
        Assert.Equal(13.5m, a.Mean);
    }

    [Fact]
    public void Aggregate_DraftsAndConflictedSheets_CountNowhere()
    {
        var result = JuryAggregation.Aggregate(
            Simple,
            [App(1)],
            [Sheet(1, 1, 12), Sheet(1, 2, 0, submitted: false), Sheet(1, 3, 20, conflicted: true), Sheet(1, 4, 20, submitted: false, conflicted: true)],
            new AggregationOptions(NormalisePerJuror: true));
        var a = result.Applications.Single();

        Assert.Equal([Id(101)], a.Totals.Select(t => t.JurorId));
        Assert.Equal(12m, a.Mean);
        Assert.Equal(12m, result.PooledMean);
        Assert.Equal([Id(101)], result.Jurors.Select(j => j.JurorId));
    }

    [Theory]
    [InlineData(8, 25, true)]
    [InlineData(5, 25, false)]
    [InlineData(6, 25, true)]
    [InlineData(8, 50, false)]
    public void Aggregate_Disagreement_WhenTheSpreadExceedsTheThresholdShareOfTheScale(int spread, int thresholdPercent, bool flagged)
    {
        var a = JuryAggregation.Aggregate(Simple, [App(1)], [Sheet(1, 1, 10), Sheet(1, 2, 10 + spread)], new AggregationOptions(thresholdPercent)).Applications.Single();
        Assert.Equal(flagged, a.Disagreement);
    }

    [Fact]
    public void Aggregate_NoCountedSheet_HasNoStatistics_AndIsFlaggedTooFew()
    {
        var a = JuryAggregation.Aggregate(Simple, [App(1)], [Sheet(1, 1, 10, submitted: false)], new AggregationOptions(MinimumJurors: 2)).Applications.Single();
        Assert.Equal(0, a.JurorCount);
        Assert.Null(a.Mean);
        Assert.Null(a.Median);
        Assert.True(a.TooFewJurors);
        Assert.False(a.Disagreement);
    }

    [Fact]
    public void Aggregate_SheetsOfApplicationsOutOfScope_AreIgnored()
    {
        var result = JuryAggregation.Aggregate(Simple, [App(1)], [Sheet(1, 1, 10), Sheet(2, 1, 20)], new AggregationOptions(NormalisePerJuror: true));
        Assert.Single(result.Applications);
        Assert.Equal(10m, result.PooledMean);
        Assert.Equal(1, result.Jurors.Single().Sheets);
    }

    [Fact]
    public void Aggregate_TwoCountedSheetsOfOneJurorForOneEntry_IsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => JuryAggregation.Aggregate(Simple, [App(1)], [Sheet(1, 1, 10), Sheet(1, 1, 12)]));

    [Fact]
    public void Aggregate_InvalidSheet_IsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => JuryAggregation.Aggregate(Simple, [App(1)], [Sheet(1, 1, 21)]));

    [Fact]
    public void Normalisation_ZScoresAgainstEachJurorsOwnHabits()
    {
        // Juror 1 is severe (8 and 12), juror 2 generous (16 and 20): both prefer application 2 by the same margin.
        var result = JuryAggregation.Aggregate(
            Simple,
            [App(1), App(2)],
            [Sheet(1, 1, 8), Sheet(2, 1, 12), Sheet(1, 2, 16), Sheet(2, 2, 20)],
            new AggregationOptions(NormalisePerJuror: true));

        var first = result.Applications[0];
        var second = result.Applications[1];
        Assert.All(first.Totals, t => Assert.Equal(-1m, t.ZScore));
        Assert.All(second.Totals, t => Assert.Equal(1m, t.ZScore));
        Assert.Equal(14m, result.PooledMean);
        Assert.Equal(4.472136m, result.PooledStandardDeviation);
        Assert.Equal(14m - 4.472136m, first.NormalisedMean);
        Assert.Equal(14m + 4.472136m, second.NormalisedMean);
        Assert.All(result.Jurors, j => Assert.False(j.Pooled));
    }

    [Fact]
    public void Normalisation_JurorWithOneSheetOrNoVariance_IsJudgedAgainstThePooledJury()
    {
        var result = JuryAggregation.Aggregate(
            Simple,
            [App(1), App(2)],
            [Sheet(1, 1, 8), Sheet(2, 1, 12), Sheet(1, 2, 16), Sheet(2, 2, 16), Sheet(1, 3, 18)],
            new AggregationOptions(NormalisePerJuror: true));

        var pooledMean = result.PooledMean!.Value;
        var pooledDeviation = result.PooledStandardDeviation!.Value;
        Assert.Equal(14m, pooledMean);
        var one = result.Jurors.Single(j => j.JurorId == Id(103));
        var flat = result.Jurors.Single(j => j.JurorId == Id(102));
        Assert.True(one.Pooled);
        Assert.True(flat.Pooled);
        Assert.Equal(pooledMean, one.Mean);
        Assert.Equal(pooledDeviation, flat.StandardDeviation);
        var z = result.Applications[0].Totals.Single(t => t.JurorId == Id(103)).ZScore;
        Assert.Equal(JuryAggregation.Round((18m - pooledMean) / pooledDeviation), z);
    }

    [Fact]
    public void Normalisation_EveryoneGaveTheSameTotal_ZScoresAreZero()
    {
        var result = JuryAggregation.Aggregate(Simple, [App(1)], [Sheet(1, 1, 10), Sheet(1, 2, 10)], new AggregationOptions(NormalisePerJuror: true));
        Assert.All(result.Applications[0].Totals, t => Assert.Equal(0m, t.ZScore));
        Assert.Equal(10m, result.Applications[0].NormalisedMean);
    }

    [Fact]
    public void ScoreSheetRules_RefuseWhatTheGridDoesNotAllow()
    {
        Assert.Null(ScoreSheetRules.Check(Weighted, new Dictionary<int, decimal> { [1] = 10, [2] = 0 }));
        Assert.Equal(CallsEngineCodes.ScoreOutOfScale, ScoreSheetRules.Check(Weighted, new Dictionary<int, decimal> { [1] = 10.5m, [2] = 0 }));
        Assert.Equal(CallsEngineCodes.ScoreOutOfScale, ScoreSheetRules.Check(Weighted, new Dictionary<int, decimal> { [1] = -1, [2] = 0 }));
        Assert.Equal(CallsEngineCodes.ScoreMissing, ScoreSheetRules.Check(Weighted, new Dictionary<int, decimal> { [1] = 3 }));
        Assert.Null(ScoreSheetRules.Check(Weighted, new Dictionary<int, decimal> { [1] = 3 }, complete: false));
        Assert.Equal(CallsEngineCodes.ScoreUnknownCriterion, ScoreSheetRules.Check(Weighted, new Dictionary<int, decimal> { [1] = 3, [2] = 1, [9] = 1 }));
    }

    /// <summary>Property: adding drafts and conflicted sheets, in any order, changes no aggregate; statistics stay within the totals.</summary>
    [Fact]
    public void Aggregate_RandomJuries_ExclusionAndBoundsHold()
    {
        var random = new Random(1205);
        for (var round = 0; round < 200; round++)
        {
            var applications = Enumerable.Range(1, random.Next(1, 6)).Select(App).ToList();
            var counted = new List<ScoreSheet>();
            var noise = new List<ScoreSheet>();
            foreach (var application in applications)
            {
                for (var juror = 1; juror <= 6; juror++)
                {
                    var sheet = new ScoreSheet(application.ApplicationId, Id(100 + juror), true, false, new Dictionary<int, decimal>
                    {
                        [1] = random.Next(0, 21) / 2m,
                        [2] = random.Next(0, 6),
                    });
                    switch (random.Next(4))
                    {
                        case 0:
                            noise.Add(sheet with { Submitted = false });
                            break;
                        case 1:
                            noise.Add(sheet with { Conflicted = true });
                            break;
                        default:
                            counted.Add(sheet);
                            break;
                    }
                }
            }

            var options = new AggregationOptions(NormalisePerJuror: true);
            var clean = JuryAggregation.Aggregate(Weighted, applications, counted, options);
            var mixed = JuryAggregation.Aggregate(Weighted, applications, counted.Concat(noise).OrderBy(_ => random.Next()).ToList(), options);

            for (var i = 0; i < applications.Count; i++)
            {
                var (a, b) = (clean.Applications[i], mixed.Applications[i]);
                Assert.Equal(a.Mean, b.Mean);
                Assert.Equal(a.Median, b.Median);
                Assert.Equal(a.StandardDeviation, b.StandardDeviation);
                Assert.Equal(a.NormalisedMean, b.NormalisedMean);
                Assert.Equal(a.Totals, b.Totals);
                if (a.JurorCount > 0)
                {
                    var totals = a.Totals.Select(t => t.Total).ToList();
                    Assert.InRange(a.Mean!.Value, totals.Min(), totals.Max());
                    Assert.InRange(a.Median!.Value, totals.Min(), totals.Max());
                    Assert.All(totals, t => Assert.InRange(t, 0m, Weighted.Scale));
                }
            }

            foreach (var juror in clean.Jurors.Where(j => !j.Pooled))
            {
                var z = clean.Applications.SelectMany(a => a.Totals).Where(t => t.JurorId == juror.JurorId).Select(t => t.ZScore!.Value).ToList();
                Assert.InRange(z.Average(), -0.0001m, 0.0001m);
            }
        }
    }
}
